using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;
using Quartz;

namespace Candlefish.Infrastructure.Jobs;

/// <summary>The job scheduler's settings, bound from <c>Candlefish:Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string Section = "Candlefish:Jobs";

    /// <summary>
    /// Whether this process runs scheduled jobs. Off, no scheduler is registered at all (most integration tests, and an
    /// instance meant only to serve pages); jobs can still be run by hand (<see cref="TenantJobRunner"/>).
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// True (the default): Quartz's job store in the catalog database (<c>quartz</c> schema), clustered, so every app
    /// instance shares the work and each trigger fires once. False: an in-memory store, for a single process that
    /// needs a scheduler without the database (a trigger then fires once per process).
    /// </summary>
    public bool Persistent { get; set; } = true;

    /// <summary>
    /// This node's id in the cluster: unique per running process, the same for the process's whole life. Unset, it is
    /// the machine name and process id (on fly.io the machine id, so a restarted machine recovers its own firings).
    /// </summary>
    [StringLength(150, MinimumLength = 1)]
    public string? InstanceId { get; set; }

    /// <summary>How many jobs may run at once in this process (jobs mostly wait on PostgreSQL; the machine has 2 cores).</summary>
    [Range(1, 32)]
    public int MaxConcurrency { get; set; } = 4;

    /// <summary>How many tenants a tenant job works on at once (1: one after the other).</summary>
    [Range(1, 16)]
    public int TenantParallelism { get; set; } = 1;

    /// <summary>
    /// Schedules that replace a job's default, by job name: a Quartz cron expression in UTC (<c>0 0 * * * ?</c>, every
    /// hour on the hour) or an interval (<c>00:15:00</c>). Example: <c>Candlefish__Jobs__Schedules__reorder-points=0 30 * * * ?</c>.
    /// </summary>
    public Dictionary<string, string> Schedules { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    internal string ResolvedInstanceId => InstanceId ?? $"{Environment.MachineName}-{Environment.ProcessId}";
}

/// <summary>When a job fires: a Quartz cron expression (UTC) or a fixed interval, written as text in code and configuration.</summary>
public static class JobSchedule
{
    /// <summary>Every hour on the hour.</summary>
    public const string Hourly = "0 0 * * * ?";

    /// <summary>Every day at 03:00 UTC.</summary>
    public const string Nightly = "0 0 3 * * ?";

    /// <summary>Null when <paramref name="schedule"/> is a valid cron expression or a positive interval; otherwise why not.</summary>
    public static string? Validate(string? schedule)
    {
        if (string.IsNullOrWhiteSpace(schedule))
            return "is empty";
        if (TryParseInterval(schedule, out var interval))
            return interval > TimeSpan.Zero ? null : "is an interval that is not positive";
        return CronExpression.TryParse(schedule, out _) ? null : "is neither a Quartz cron expression (seconds first, e.g. '0 0 * * * ?') nor an interval (e.g. '00:15:00')";
    }

    internal static bool TryParseInterval(string schedule, out TimeSpan interval) =>
        TimeSpan.TryParseExact(schedule, "c", CultureInfo.InvariantCulture, out interval);

    /// <summary>
    /// The trigger schedule. A firing missed while no instance ran (a deploy, an outage) fires once as soon as a node is
    /// back, then the schedule resumes: jobs are idempotent, and a skipped hour would leave work undone.
    /// </summary>
    internal static IScheduleBuilder Build(string schedule) =>
        TryParseInterval(schedule, out var interval)
            ? SimpleScheduleBuilder.Create().WithInterval(interval).RepeatForever()
                .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NowWithExistingCount)
            : CronScheduleBuilder.Create(schedule).InTimeZone(TimeZoneInfo.Utc)
                .WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed);

    /// <summary>Whether a stored trigger already fires as the declared one would (so it is left alone).</summary>
    internal static bool Same(ITrigger stored, ITrigger declared) => (stored, declared) switch
    {
        (ICronTrigger a, ICronTrigger b) => a.CronExpressionString == b.CronExpressionString
            && a.TimeZone.Id == b.TimeZone.Id && a.MisfireInstruction == b.MisfireInstruction,
        (ISimpleTrigger a, ISimpleTrigger b) => a.RepeatInterval == b.RepeatInterval
            && a.RepeatCount == b.RepeatCount && a.MisfireInstruction == b.MisfireInstruction,
        _ => false,
    };
}

/// <summary>A job registered with <see cref="JobsRegistration"/>: its name (what configuration calls it), type and default schedule.</summary>
internal sealed record DeclaredJob(string Name, Type Type, string DefaultSchedule);

/// <summary>Refuses a schedule that does not parse, and one for a job nobody declared (a misspelt name would otherwise be ignored).</summary>
internal sealed class JobsOptionsValidator(IEnumerable<DeclaredJob> declared) : IValidateOptions<JobsOptions>
{
    public ValidateOptionsResult Validate(string? name, JobsOptions options)
    {
        var known = declared.Select(j => j.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var failures = declared.GroupBy(j => j.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1)
            .Select(g => $"Two jobs are named '{g.Key}'.").ToList();
        foreach (var (job, schedule) in options.Schedules)
        {
            if (!known.Contains(job))
                failures.Add($"{JobsOptions.Section}:Schedules:{job} names no job. Jobs: {string.Join(", ", known.Order())}.");
            else if (JobSchedule.Validate(schedule) is { } error)
                failures.Add($"{JobsOptions.Section}:Schedules:{job} {error}.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
