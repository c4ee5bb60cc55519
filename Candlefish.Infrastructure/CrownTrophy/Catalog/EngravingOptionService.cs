using Candlefish.Domain.CrownTrophy.Catalog;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.CrownTrophy.Catalog;

/// <summary>What a person types for an engraving option.</summary>
public sealed record EngravingOptionInput(string Name, decimal PricePerLine, string? PlateSizes);

/// <summary>The current tenant's engraving options (laser, rotary, sublimated plate) with their price per line.</summary>
public sealed class EngravingOptionService(TenantDbContextFactory contexts)
{
    private static readonly Conflict[] Conflicts =
    [
        new("ux_engraving_options_tenant_id_name", nameof(EngravingOption.Name), "Another engraving option has this name."),
        new("fk_order_lines_engraving_options", "", "Orders use this engraving option, so it stays."),
    ];

    public async Task<List<EngravingOption>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.EngravingOptions.AsNoTracking().OrderBy(o => o.Name).ToListAsync(cancellationToken);
    }

    public Task<EngravingOption> SaveAsync(Guid? id, EngravingOptionInput input, CancellationToken cancellationToken = default) =>
        Edits.SaveAsync(contexts, id,
            () => EngravingOption.Create(input.Name, input.PricePerLine, input.PlateSizes),
            o => o.Update(input.Name, input.PricePerLine, input.PlateSizes),
            "This engraving option was deleted meanwhile.", Conflicts, cancellationToken);

    public Task DeleteAsync(Guid id, CancellationToken cancellationToken = default) =>
        Edits.DeleteAsync<EngravingOption>(contexts, id, "This engraving option was deleted meanwhile.", Conflicts, cancellationToken);
}
