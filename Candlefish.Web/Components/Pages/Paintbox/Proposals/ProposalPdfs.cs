using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Paintbox.Proposals;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Documents.Pdf;
using Candlefish.Infrastructure.Paintbox.Proposals;
using Candlefish.Infrastructure.Platform.Settings;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Web.Components.Shared;

namespace Candlefish.Web.Components.Pages.Paintbox.Proposals;

/// <summary>What a proposal shows, on paper and on the client's page: the estimate's proposal, the business, its logo.</summary>
/// <param name="LogoDataUri">The business's logo inlined as a data: URI (the printing browser fetches nothing), or null.</param>
/// <param name="PrintedAt">When the document is made, in UTC (shown in the business's time zone).</param>
public sealed record ProposalDocumentModel(TenantInfo Tenant, ProposalView Proposal, string? LogoDataUri, DateTimeOffset PrintedAt)
{
    public Estimate Estimate => Proposal.Estimate;

    public IReadOnlyList<ScopeLine> Scope => ProposalScope.Of(Estimate.Inputs);

    public string Money(decimal amount) => Display.Money(amount, Tenant.Currency);

    public string When(DateTimeOffset at) => Display.When(at, Tenant.TimeZone);

    public string Today => Display.Day(PrintedAt, Tenant.TimeZone);

    public string DepositPercent => Proposal.Settings.DepositPercent.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) + "%";

    /// <summary>The options of one kind, with a heading when the estimate has both kinds.</summary>
    public IEnumerable<(string? Heading, IReadOnlyList<PricedProduct> Options)> OptionGroups
    {
        get
        {
            var exterior = Estimate.Prices.Exterior.Where(p => p.FinalPrice > 0m).ToList();
            var interior = Estimate.Prices.Interior.Where(p => p.FinalPrice > 0m).ToList();
            var both = exterior.Count > 0 && interior.Count > 0;
            if (exterior.Count > 0)
                yield return (both ? "Exterior" : null, exterior);
            if (interior.Count > 0)
                yield return (both ? "Interior" : null, interior);
        }
    }
}

/// <summary>A printed proposal: the PDF and the name to download it under.</summary>
public sealed record ProposalPdf(byte[] Content, string FileName);

/// <summary>
/// The proposal of one of the tenant's estimates, printed through the one PDF renderer from the estimate's saved prices
/// (never repriced here: the proposal shows what the estimate page shows).
/// </summary>
public sealed class ProposalPdfs(ProposalService proposals, BusinessSettingsStore settings, IPdfRenderer pdfs, ITenantContext tenants, TimeProvider clock)
{
    /// <exception cref="KeyNotFoundException">The tenant has no such estimate.</exception>
    public async Task<ProposalPdf> RenderAsync(Guid estimateId, CancellationToken cancellationToken = default)
    {
        var tenant = tenants.RequiredTenant;
        var proposal = await proposals.GetAsync(estimateId, cancellationToken);
        var model = new ProposalDocumentModel(tenant, proposal, await settings.LogoDataUriAsync(tenant, cancellationToken), clock.GetUtcNow());
        var number = proposal.Estimate.Number;
        var pdf = await pdfs.RenderAsync<ProposalDocument>(new Dictionary<string, object?> { [nameof(ProposalDocument.Model)] = model },
            new PdfPage { Title = $"Proposal #{number}", Header = $"{tenant.DisplayName} · Proposal #{number}" }, cancellationToken);
        return new ProposalPdf(pdf, $"proposal-{number}.pdf");
    }
}
