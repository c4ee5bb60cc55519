using System.Collections.Concurrent;
using Candlefish.Infrastructure.Jobs;
using Candlefish.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Quartz;

namespace Candlefish.Tests.Infrastructure.Jobs;

/// <summary>
/// Two app instances (two hosts with the app's own registration) on one catalog database: a job declared by both
/// fires on schedule, and each firing runs on exactly one of them.
/// </summary>
public class ClusteredSchedulerTests(CandlefishApp app, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<CandlefishApp>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    [Fact]
    public async Task Two_clustered_schedulers_run_each_firing_of_a_trigger_exactly_once()
    {
        const int firings = 20;
        var log = new FiringLog();
        using var first = Node("node-a", log);
        using var second = Node("node-b", log);
        await first.StartAsync();
        await second.StartAsync();

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (log.ScheduledTimes().Count < firings && DateTime.UtcNow < deadline)
            await Task.Delay(100);
        var nodes = await ClusterMembersAsync();
        await Task.Delay(Interval * 2); // room for a duplicate to show up, were there one
        await Task.WhenAll(first.StopAsync(), second.StopAsync());

        var runs = log.Runs.ToList();
        foreach (var run in runs)
            output.WriteLine($"{run.ScheduledAt:HH:mm:ss.fff} ran on {run.Node}");
        var scheduled = log.ScheduledTimes();
        Assert.Equal(["node-a", "node-b"], nodes);
        Assert.True(scheduled.Count >= firings, $"{scheduled.Count} firings in 60 s");
        Assert.Equal(scheduled.Count, runs.Count); // no scheduled time ran twice
        Assert.Equal(runs.Count, runs.Select(r => r.FireInstanceId).Distinct().Count());
        // …and none was skipped: the schedule kept its rhythm across the second node's start.
        Assert.All(scheduled.Zip(scheduled.Skip(1)), pair => Assert.Equal(Interval, pair.Second - pair.First));
    }

    [Fact]
    public async Task A_start_keeps_a_stored_trigger_on_the_same_schedule_and_replaces_one_on_another()
    {
        using (var first = Node("node-c", new FiringLog(), schedule: "0 0 * * * ?"))
            await ApplyDeclaredJobsAsync(first);
        var stored = await ReportTriggerAsync();

        using (var same = Node("node-d", new FiringLog(), schedule: "0 0 * * * ?"))
            await ApplyDeclaredJobsAsync(same);
        var kept = await ReportTriggerAsync();

        using (var changed = Node("node-e", new FiringLog(), schedule: "0 30 * * * ?"))
            await ApplyDeclaredJobsAsync(changed);
        var replaced = await ReportTriggerAsync();

        Assert.Equal(stored, kept);
        Assert.Equal("0 30 * * * ?", replaced.Cron);
    }

    private static Task ApplyDeclaredJobsAsync(IHost node) =>
        node.Services.GetServices<IHostedService>().OfType<DeclaredJobs>().Single().ApplyAsync(CancellationToken.None);

    private async Task<(string Cron, long StartTime)> ReportTriggerAsync()
    {
        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"""
            SELECT c.cron_expression, t.start_time FROM {JobStore.TablePrefix}triggers t
            JOIN {JobStore.TablePrefix}cron_triggers c USING (sched_name, trigger_name, trigger_group)
            WHERE t.trigger_name = 'report'
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        return (reader.GetString(0), reader.GetInt64(1));
    }

    private IHost Node(string instanceId, FiringLog log, string? schedule = null) =>
        JobsNode.Create(app, instanceId, builder =>
        {
            builder.Services.AddSingleton(log);
            builder.AddScheduledJob<CountingJob>("count", Interval.ToString("c"));
            if (schedule is null)
                return;
            builder.Configuration["Candlefish:Jobs:Schedules:report"] = schedule;
            builder.AddScheduledJob<CountingJob>("report", JobSchedule.Nightly);
        });

    private async Task<List<string>> ClusterMembersAsync()
    {
        await using var connection = new NpgsqlConnection(app.OwnerConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT instance_name FROM {JobStore.TablePrefix}scheduler_state ORDER BY 1", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<string>();
        while (await reader.ReadAsync())
            names.Add(reader.GetString(0));
        return names;
    }

    public sealed class FiringLog
    {
        public ConcurrentQueue<(string FireInstanceId, DateTimeOffset ScheduledAt, string Node)> Runs { get; } = new();

        public List<DateTimeOffset> ScheduledTimes() => Runs.Select(r => r.ScheduledAt).Distinct().Order().ToList();
    }

    public sealed class CountingJob(FiringLog log) : IJob
    {
        public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            log.Runs.Enqueue((context.FireInstanceId, context.ScheduledFireTimeUtc!.Value, context.Scheduler.SchedulerInstanceId));
            return ValueTask.CompletedTask;
        }
    }
}
