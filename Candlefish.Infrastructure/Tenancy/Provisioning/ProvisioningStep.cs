namespace Candlefish.Infrastructure.Tenancy.Provisioning;

/// <summary>The steps of provisioning a tenant, in order. Each is idempotent, so a re-run completes a half-done one.</summary>
public enum ProvisioningStep
{
    CatalogRow,
    Storage,
    Migrations,
    Seed,
    Activate,
}

/// <summary>
/// Called before each step. The default does nothing; tests register one that fails at a chosen step to prove
/// that a re-run completes what a crash left half done.
/// </summary>
public interface IProvisioningStepHook
{
    Task BeforeStepAsync(ProvisioningStep step, string identifier, CancellationToken cancellationToken);
}

internal sealed class NoProvisioningStepHook : IProvisioningStepHook
{
    public Task BeforeStepAsync(ProvisioningStep step, string identifier, CancellationToken cancellationToken) => Task.CompletedTask;
}
