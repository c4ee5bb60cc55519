using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Candlefish.Infrastructure.Jobs;

/// <summary>
/// Brings the job store in line with the jobs the code declares, when the app starts. Quartz's own declared-job
/// processing replaces every stored trigger on every start; with two nodes that replacement races the other node's
/// firing of the same trigger, and the firing runs twice. Here a trigger that already fires on the declared schedule is
/// left alone (a new one is stored with <see cref="TriggerConflict.Keep"/>, so of two nodes starting together exactly
/// one creates it), and only a changed schedule replaces it. A job the code no longer declares is reported, not
/// deleted: during a rolling deploy an older node may still be the one that declares it.
/// </summary>
internal sealed class DeclaredJobs(
    ISchedulerFactory schedulers,
    IEnumerable<DeclaredJob> declared,
    IOptions<JobsOptions> options,
    ILogger<DeclaredJobs> logger) : BackgroundService
{
    public const string Group = "candlefish";

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await ApplyAsync(stoppingToken);
                return;
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "The job schedules could not be stored; retrying in {Delay}", RetryDelay);
            }
            await Task.Delay(RetryDelay, stoppingToken);
        }
    }

    internal async Task ApplyAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        foreach (var job in declared)
        {
            var detail = JobBuilder.Create().OfType(job.Type).WithIdentity(job.Name, Group).StoreDurably().Build();
            var stored = await scheduler.GetJobDetail(detail.Key, cancellationToken);
            if (stored is null || stored.JobType.FullName != detail.JobType.FullName
                || stored.ConcurrentExecutionDisallowed != detail.ConcurrentExecutionDisallowed)
                await scheduler.AddJob(detail, AddJobOptions.Replacing, cancellationToken);

            var schedule = options.Value.Schedules.GetValueOrDefault(job.Name, job.DefaultSchedule);
            var trigger = TriggerBuilder.Create()
                .WithIdentity(job.Name, Group)
                .ForJob(detail.Key)
                .WithSchedule(JobSchedule.Build(schedule))
                .StartNow()
                .Build();
            var current = await scheduler.GetTrigger(trigger.Key, cancellationToken);
            if (current is null)
                await scheduler.ScheduleTrigger(trigger, TriggerConflict.Keep, cancellationToken);
            else if (!JobSchedule.Same(current, trigger))
            {
                await scheduler.RescheduleJob(trigger.Key, trigger, cancellationToken);
                logger.LogInformation("Job {Job} rescheduled: {Schedule}", job.Name, schedule);
            }
        }

        var names = declared.Select(j => j.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var key in await scheduler.GetJobKeys(GroupMatcher<JobKey>.GroupEquals(Group), cancellationToken))
            if (!names.Contains(key.Name))
                logger.LogWarning("Job {Job} is in the job store but no longer declared by this version; delete it once no node declares it", key.Name);
    }
}
