using Candlefish.Infrastructure.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Candlefish.Infrastructure.Jobs;

/// <summary>
/// How jobs are registered: <see cref="AddJobs"/> once (from <c>AddInfrastructure</c>), then one line per job —
/// <see cref="AddTenantJob{TJob}"/> for work done for every tenant with a product, <see cref="AddScheduledJob{TJob}"/>
/// for platform-wide work.
/// </summary>
public static class JobsRegistration
{
    /// <summary>
    /// The scheduler: Quartz with its job store in the catalog database, clustered (each node's id from
    /// <see cref="JobsOptions.InstanceId"/>), started by the host after the application has started and stopped with
    /// it, and reported by <c>/health/ready</c> as <c>jobs</c>. Nothing of Quartz is registered when
    /// <c>Candlefish:Jobs:Enabled</c> is false.
    /// </summary>
    internal static IHostApplicationBuilder AddJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddValidatedOptions<JobsOptions>(JobsOptions.Section);
        services.AddSingleton<IValidateOptions<JobsOptions>, JobsOptionsValidator>();
        services.AddSingleton<TenantJobRunner>();

        var options = Read(builder.Configuration);
        if (!options.Enabled)
            return builder;

        services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = JobStore.SchedulerName;
                if (options.Persistent)
                    scheduler.InstanceId = options.ResolvedInstanceId;
            });
            quartz.UseDefaultThreadPool(options.MaxConcurrency);
            quartz.UseDefaultTimeZone(TimeZoneInfo.Utc);
            quartz.AddJobLogScope();
            if (options.Persistent)
                quartz.UsePersistentStore(store =>
                {
                    JobStore.Configure(store, builder.Configuration.GetConnectionString(nameof(DatabaseOptions.App)) ?? "");
                    store.UseClustering();
                });
            else
                quartz.UseInMemoryStore();
            quartz.AddQuartzHealthChecks(health =>
            {
                health.Name = "jobs";
                health.Tags.Add("ready");
            });
        });
        services.AddQuartzHostedService(hosted =>
        {
            hosted.AwaitApplicationStarted = true; // migrations and seeding (RunCommandAsync) come first
            hosted.WaitForJobsToComplete = true;
        });
        services.AddHostedService<DeclaredJobs>();
        return builder;
    }

    /// <summary>
    /// A job that runs <typeparamref name="TJob"/> for every active tenant with its product, each inside that tenant's
    /// scope, on <paramref name="defaultSchedule"/> (a cron expression or interval, <see cref="JobSchedule"/>) unless
    /// <c>Candlefish:Jobs:Schedules:{name}</c> says otherwise. The job is also registered by itself, so a test or a
    /// page can run it for one tenant without the scheduler.
    /// </summary>
    public static IHostApplicationBuilder AddTenantJob<TJob>(this IHostApplicationBuilder builder, string name, string defaultSchedule)
        where TJob : class, ITenantJob
    {
        builder.Services.TryAddScoped<TJob>();
        return builder.AddScheduledJob<TenantJobHost<TJob>>(name, defaultSchedule);
    }

    /// <summary>A Quartz job (platform-wide work, not per tenant) on <paramref name="defaultSchedule"/>, unless configured otherwise.</summary>
    public static IHostApplicationBuilder AddScheduledJob<TJob>(this IHostApplicationBuilder builder, string name, string defaultSchedule)
        where TJob : class, IJob
    {
        if (JobSchedule.Validate(defaultSchedule) is { } error)
            throw new ArgumentException($"The default schedule of job '{name}' {error}.", nameof(defaultSchedule));
        builder.Services.TryAddTransient<TJob>();
        builder.Services.AddSingleton(new DeclaredJob(name, typeof(TJob), defaultSchedule));
        return builder;
    }

    // Read here as well as bound: Quartz is configured as it is registered (whether there is a scheduler at all, its
    // node id, its pool); the bound options validate the same values at start.
    private static JobsOptions Read(IConfiguration configuration) =>
        configuration.GetSection(JobsOptions.Section).Get<JobsOptions>() ?? new JobsOptions();
}
