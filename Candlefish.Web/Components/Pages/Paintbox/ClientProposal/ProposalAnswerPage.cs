using Candlefish.Domain;
using Candlefish.Domain.Paintbox.Proposals;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Paintbox.Proposals;
using Candlefish.Infrastructure.Platform.Settings;
using Candlefish.Infrastructure.Tenancy;
using Candlefish.Web.Components.Pages.Paintbox.Proposals;
using Microsoft.AspNetCore.Components;

namespace Candlefish.Web.Components.Pages.Paintbox.ClientProposal;

/// <summary>What the client types to accept: the option and their name (the signature).</summary>
public sealed class ProposalAcceptInput
{
    public string? Option { get; set; }
    public string? Name { get; set; }
}

/// <summary>What the client may say when declining.</summary>
public sealed class ProposalRejectInput
{
    public string? Name { get; set; }
    public string? Reason { get; set; }
}

/// <summary>
/// A page where the client answers a proposal (<see cref="ProposalAnswerForms"/>): through a link (/p/{token}) or in the
/// customer portal. Static server-rendered, so the answer records the address the form was posted from; both ways answer
/// through <see cref="ProposalService"/> and differ only in how they find the proposal and who answers.
/// </summary>
public abstract class ProposalAnswerPage : ComponentBase
{
    [Inject] protected ProposalService Proposals { get; set; } = default!;
    [Inject] protected ITenantContext Tenants { get; set; } = default!;
    [Inject] private BusinessSettingsStore Settings { get; set; } = default!;
    [Inject] private TimeProvider Clock { get; set; } = default!;

    [CascadingParameter]
    protected HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "accept-proposal", Name = "Accept")]
    protected ProposalAcceptInput? AcceptForm { get; set; }

    [SupplyParameterFromForm(FormName = "reject-proposal", Name = "Reject")]
    protected ProposalRejectInput? RejectForm { get; set; }

    protected ProposalAcceptInput Accept => AcceptForm ??= new();

    protected ProposalRejectInput Reject => RejectForm ??= new();

    /// <summary>The proposal shown; null when there is none for this caller (the page answers 404).</summary>
    protected ProposalDocumentModel? Model { get; private set; }

    protected string? Message { get; private set; }

    protected IReadOnlyDictionary<string, string[]> Errors { get; private set; } = Shared.FieldErrors.None;

    /// <summary>The proposal this caller may answer, or null.</summary>
    protected abstract Task<ProposalView?> OpenAsync(TenantInfo tenant);

    /// <summary>Who answers, once <see cref="OpenAsync"/> found the proposal.</summary>
    protected abstract ProposalAnswerer Answerer { get; }

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        Model = null;
        // Only a painting company's own host: the platform and other products' tenants have no proposals to show.
        if (Tenants.Tenant is { IsPlatform: false } tenant && tenant.HasProduct(Products.Paintbox) && await OpenAsync(tenant) is { } proposal)
            Model = new ProposalDocumentModel(tenant, proposal, await Settings.LogoDataUriAsync(tenant), Clock.GetUtcNow());
        // A proposal this caller cannot open reads as any unknown address: the app's not-found page (the status-code pages).
        if (Model is null)
            HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
    }

    protected Task AcceptAsync() => AnswerAsync(() => Proposals.AcceptAsync(Answerer, Accept.Option, Accept.Name, ClientAddress),
        "Thank you: your acceptance is recorded.");

    protected Task RejectAsync() => AnswerAsync(() => Proposals.RejectAsync(Answerer, Reject.Name, Reject.Reason, ClientAddress),
        "Your answer is recorded.");

    private async Task AnswerAsync(Func<Task<ProposalDecision>> answer, string thanks)
    {
        if (Model is null)
            return;
        try
        {
            await answer();
            Message = thanks;
        }
        catch (DomainValidationException e)
        {
            Errors = e.Errors;
            HttpContext.Response.StatusCode = e.Errors.ContainsKey(nameof(ProposalDecision.Answer)) ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        }
        catch (KeyNotFoundException)
        {
            // Revoked or expired (or unlinked) between showing the form and posting it.
        }
        var status = HttpContext.Response.StatusCode;
        await LoadAsync();
        if (Model is not null)
            HttpContext.Response.StatusCode = status;
    }

    private string? ClientAddress => HttpContext.Connection.RemoteIpAddress?.ToString();
}
