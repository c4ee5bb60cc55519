using System.Text.Json;
using Candlefish.Domain;
using Candlefish.Domain.Paintbox.Clients;
using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Paintbox.PriceBooks;
using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;
using Candlefish.Infrastructure.Paintbox.Clients;
using Candlefish.Infrastructure.Paintbox.Estimates;
using Candlefish.Infrastructure.Paintbox.PriceBooks;
using Candlefish.Web.Identity;
using Candlefish.Web.Tenancy;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Candlefish.Web.Api;

/// <summary>
/// Paintbox under <c>/api/v1/paintbox</c>: clients, estimates (inputs, prices, status, versions) and the price book.
/// Estimate inputs and price books travel as Paintbox writes them everywhere (<see cref="PaintboxJson"/>: camelCase,
/// enums by name), so a body read from one endpoint can be sent back to another as it is. A tenant without Paintbox
/// gets 404 for every route.
/// </summary>
public static class PaintboxApi
{
    public sealed record ClientSummary(Guid Id, string Name, string ServiceAddress, string? ContactName, string? ContactPhone, string? ContactEmail,
        string LeadSource, int Estimates);

    public sealed record ContactResponse(Guid Id, string Name, string Email, string Phone, string Role);

    public sealed record ClientResponse(
        Guid Id, string Name, string ServiceAddress, string BillingAddress, string LeadSource, string SalesforceAccountId, string SalesforceContactId,
        string Notes, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, IReadOnlyList<ContactResponse> Contacts);

    /// <summary>A client to create or the whole of one to change; <see cref="Contacts"/> as on the customers API.</summary>
    public sealed record ClientRequest(
        string? Name, string? ServiceAddress, string? BillingAddress, string? LeadSource, string? SalesforceAccountId, string? SalesforceContactId,
        string? Notes, IReadOnlyList<ClientContactInput>? Contacts);

    public sealed record EstimateSummary(
        Guid Id, int Number, string Title, Guid ClientId, string ClientName, string Kind, string Status, int Revision, DateTimeOffset CreatedAt,
        DateTimeOffset UpdatedAt, decimal? LowestPrice, decimal? HighestPrice);

    public sealed record StatusChangeResponse(string From, string To, string ChangedBy, DateTimeOffset ChangedAt, string Reason);

    public sealed record PriceBookReference(Guid Id, DateOnly EffectiveFrom, string Note, bool IsCurrent);

    public sealed record ClientReference(Guid Id, string Name);

    /// <summary>An estimate with its prices; <see cref="Inputs"/> is the engine's own ExteriorEstimate/InteriorEstimate pair.</summary>
    public sealed record EstimateResponse(
        Guid Id, int Number, string Title, string PropertyAddress, string Kind, string Status, IReadOnlyList<string> NextStatuses, string LossReason,
        int Revision, ClientReference Client, PriceBookReference PriceBook, EstimatePrices Prices, JsonElement Inputs,
        IReadOnlyList<StatusChangeResponse> History, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset UpdatedAt);

    /// <summary>A new estimate: its client, title and kind (Exterior, Interior or Both); without inputs it starts empty.</summary>
    public sealed record CreateEstimateRequest(Guid? ClientId, string? Title, string? Kind, string? PropertyAddress, JsonElement? Inputs);

    /// <summary>The inputs as the caller edited them from <see cref="Revision"/> (the revision it read).</summary>
    public sealed record SaveInputsRequest(int? Revision, JsonElement? Inputs);

    /// <summary>The revision the caller read the estimate at.</summary>
    public sealed record RevisionRequest(int? Revision);

    public sealed record StatusRequest(string? Status, string? Reason);

    public sealed record VersionResponse(int Revision, DateTimeOffset SavedAt, string SavedBy);

    public sealed record PriceBookResponse(Guid Id, DateOnly EffectiveFrom, string Note, DateTimeOffset CreatedAt, string CreatedBy, JsonElement Book,
        ProductWarranties Warranties);

    /// <summary>A new price-book version: the whole book (as GET returns it, edited) in effect from a day on.</summary>
    public sealed record PriceBookRequest(DateOnly? EffectiveFrom, JsonElement? Book, ProductWarranties? Warranties, string? Note);

    public static RouteGroupBuilder MapPaintboxApi(this RouteGroupBuilder api)
    {
        var paintbox = api.MapGroup("/paintbox").RequireTenantData().RequireProduct(Products.Paintbox).ProducesValidationProblem();

        var clients = paintbox.MapGroup("/clients").WithTags("Paintbox clients");
        clients.MapGet("/", ListClients).WithName("ListPaintboxClients")
            .WithSummary("The clients by name, a page at a time; search matches name, service address or a contact's name, email or phone")
            .RequireAuthorization(Permissions.ViewEstimates);
        clients.MapGet("/{id:guid}", GetClient).WithName("GetPaintboxClient").WithSummary("One client with its contacts")
            .RequireAuthorization(Permissions.ViewEstimates);
        clients.MapPost("/", CreateClient).WithName("CreatePaintboxClient").WithSummary("Adds a client, with its contacts")
            .RequireAuthorization(Permissions.EditEstimates).AcceptsJsonBody<ClientRequest>();
        clients.MapPut("/{id:guid}", UpdateClient).WithName("UpdatePaintboxClient").WithSummary("Changes a client (the whole of it)")
            .RequireAuthorization(Permissions.EditEstimates).AcceptsJsonBody<ClientRequest>();

        var estimates = paintbox.MapGroup("/estimates").WithTags("Paintbox estimates");
        estimates.MapGet("/", ListEstimates).WithName("ListEstimates")
            .WithSummary("The estimates, newest first; filter by status or client, search title, address, client or number")
            .RequireAuthorization(Permissions.ViewEstimates);
        estimates.MapGet("/{id:guid}", GetEstimate).WithName("GetEstimate")
            .WithSummary("One estimate with its inputs, its prices per product and its status history")
            .RequireAuthorization(Permissions.ViewEstimates);
        estimates.MapPost("/", CreateEstimate).WithName("CreateEstimate")
            .WithSummary("Starts an estimate for a client, priced with the price book in effect today")
            .RequireAuthorization(Permissions.EditEstimates).AcceptsJsonBody<CreateEstimateRequest>();
        estimates.MapPut("/{id:guid}/inputs", SaveInputs).WithName("SaveEstimateInputs")
            .WithSummary("Saves the inputs edited from a revision and prices them; the same inputs again change nothing; a stale revision is a 409 with the server's estimate")
            .RequireAuthorization(Permissions.EditEstimates).AcceptsJsonBody<SaveInputsRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        estimates.MapPost("/{id:guid}/status", ChangeStatus).WithName("ChangeEstimateStatus")
            .WithSummary("Moves the status: Draft → Sent → Accepted / Rejected → Booked / Lost (a loss needs its reason)")
            .RequireAuthorization(Permissions.EditEstimates).AcceptsJsonBody<StatusRequest>();
        estimates.MapGet("/{id:guid}/versions", ListVersions).WithName("ListEstimateVersions")
            .WithSummary("The saved versions of the inputs, newest first").RequireAuthorization(Permissions.ViewEstimates);
        estimates.MapPost("/{id:guid}/reprice", Reprice).WithName("RepriceEstimate")
            .WithSummary("Prices the estimate with the price book in effect today; read at a revision, a stale one is a 409 with the server's estimate")
            .RequireAuthorization(Permissions.EditEstimates).AcceptsJsonBody<RevisionRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);
        estimates.MapPost("/{id:guid}/versions/{version:int}/restore", RestoreVersion).WithName("RestoreEstimateVersion")
            .WithSummary("Makes a saved version's inputs current again, as a new revision; a stale revision is a 409 with the server's estimate")
            .RequireAuthorization(Permissions.EditEstimates).AcceptsJsonBody<RevisionRequest>()
            .ProducesProblem(StatusCodes.Status409Conflict);

        var priceBook = paintbox.MapGroup("/price-book").WithTags("Paintbox price book");
        priceBook.MapGet("/", GetPriceBook).WithName("GetPriceBook")
            .WithSummary("The price-book version in effect today: every rate, margin, discount and warranty").RequireAuthorization(Permissions.ViewEstimates);
        priceBook.MapPost("/", AddPriceBookVersion).WithName("AddPriceBookVersion")
            .WithSummary("Adds a price-book version in effect from a day on (owners and managers); existing estimates keep their version")
            .RequireAuthorization(Permissions.EditPriceBook).AcceptsJsonBody<PriceBookRequest>();
        return paintbox;
    }

    internal static async Task<Results<Ok<Page<ClientSummary>>, ValidationProblem>> ListClients(
        ClientService clients, int? page, int? pageSize, string? search, CancellationToken cancellationToken)
    {
        if (PageRequest.From(page, pageSize, out var errors) is not { } request)
            return TypedResults.ValidationProblem(errors!);
        var rows = await clients.ListAsync(search, request.Skip, request.PageSize + 1, cancellationToken);
        return TypedResults.Ok(Page<ClientSummary>.From(rows.Select(r =>
            new ClientSummary(r.Id, r.Name, r.ServiceAddress, r.ContactName, r.ContactPhone, r.ContactEmail, r.LeadSource, r.Estimates)).ToList(), request));
    }

    internal static async Task<Results<Ok<ClientResponse>, ProblemHttpResult>> GetClient(ClientService clients, Guid id, CancellationToken cancellationToken) =>
        await clients.GetAsync(id, cancellationToken) is { } client ? TypedResults.Ok(ToResponse(client)) : ApiResults.NotFound("client", id);

    internal static Task<Results<Created<ClientResponse>, ValidationProblem>> CreateClient(ClientService clients, ClientRequest? body, CancellationToken cancellationToken) =>
        ApiResults.CreateAsync(body, "client", "/api/v1/paintbox/clients", async () =>
        {
            var client = await clients.CreateAsync(ToInput(body!), cancellationToken);
            return (client.Id, ToResponse(client));
        });

    internal static Task<Results<Ok<ClientResponse>, ValidationProblem, ProblemHttpResult>> UpdateClient(
        ClientService clients, Guid id, ClientRequest? body, CancellationToken cancellationToken) =>
        ApiResults.UpdateAsync(body, "client", id, () => clients.ExistsAsync(id, cancellationToken),
            async () => ToResponse(await clients.UpdateAsync(id, ToInput(body!), cancellationToken)));

    internal static async Task<Results<Ok<Page<EstimateSummary>>, ValidationProblem>> ListEstimates(
        EstimateService estimates, int? page, int? pageSize, string? search, string? status, Guid? clientId, CancellationToken cancellationToken)
    {
        if (PageRequest.From(page, pageSize, out var errors) is not { } request)
            return TypedResults.ValidationProblem(errors!);
        EstimateStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!Enum.TryParse<EstimateStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
                return ApiResults.Problem(new Dictionary<string, string[]> { ["status"] = [$"Choose one of {string.Join(", ", Enum.GetNames<EstimateStatus>())}."] });
            wanted = parsed;
        }
        var rows = await estimates.ListAsync(new EstimateFilter(search, wanted, clientId), request.Skip, request.PageSize + 1, cancellationToken);
        return TypedResults.Ok(Page<EstimateSummary>.From(rows.Select(r => new EstimateSummary(r.Id, r.Number, r.Title, r.ClientId, r.ClientName,
            r.Kind.ToString(), r.Status.ToString(), r.Revision, r.CreatedAt, r.UpdatedAt, r.LowestPrice, r.HighestPrice)).ToList(), request));
    }

    internal static async Task<Results<Ok<EstimateResponse>, ProblemHttpResult>> GetEstimate(EstimateService estimates, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(ToResponse(await estimates.GetAsync(id, cancellationToken)));
        }
        catch (KeyNotFoundException)
        {
            return ApiResults.NotFound("estimate", id);
        }
    }

    internal static async Task<Results<Created<EstimateResponse>, ValidationProblem>> CreateEstimate(
        EstimateService estimates, HttpContext http, CreateEstimateRequest? body, CancellationToken cancellationToken)
    {
        if (body is null)
            return ApiResults.MissingBody("estimate");
        try
        {
            var kind = Enum.TryParse<EstimateKind>(body.Kind, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw FieldErrors.Single("Kind", "Choose Exterior, Interior or Both.");
            var inputs = body.Inputs is { ValueKind: not JsonValueKind.Null } json ? ReadInputs(json) : null;
            var created = await estimates.CreateAsync(new NewEstimate(body.ClientId ?? Guid.Empty, body.Title ?? "", kind, body.PropertyAddress, inputs),
                http.User.ActorOf(), cancellationToken);
            return TypedResults.Created($"/api/v1/paintbox/estimates/{created.Estimate.Id}", ToResponse(created));
        }
        catch (DomainValidationException e)
        {
            return ApiResults.Problem(e.Errors);
        }
    }

    internal static Task<Results<Ok<EstimateResponse>, ValidationProblem, ProblemHttpResult>> SaveInputs(
        EstimateService estimates, HttpContext http, Guid id, SaveInputsRequest? body, CancellationToken cancellationToken) =>
        AtRevisionAsync(estimates, id, body?.Revision, body is not null, "inputs and the revision they were edited from",
            async revision => (await estimates.SaveInputsAsync(id, ReadInputs(body!.Inputs!.Value), revision, http.User.ActorOf(), cancellationToken)).Details,
            cancellationToken, errors => errors.When(body!.Inputs is not { ValueKind: JsonValueKind.Object }, "Inputs", "Send the inputs."));

    internal static Task<Results<Ok<EstimateResponse>, ValidationProblem, ProblemHttpResult>> Reprice(
        EstimateService estimates, Guid id, RevisionRequest? body, CancellationToken cancellationToken) =>
        AtRevisionAsync(estimates, id, body?.Revision, body is not null, "the revision the estimate was read at",
            revision => estimates.RepriceWithCurrentBookAsync(id, revision, cancellationToken), cancellationToken);

    internal static Task<Results<Ok<EstimateResponse>, ValidationProblem, ProblemHttpResult>> RestoreVersion(
        EstimateService estimates, HttpContext http, Guid id, int version, RevisionRequest? body, CancellationToken cancellationToken) =>
        AtRevisionAsync(estimates, id, body?.Revision, body is not null, "the revision the estimate was read at",
            async revision => (await estimates.RestoreAsync(id, version, revision, http.User.ActorOf(), cancellationToken)).Details, cancellationToken);

    /// <summary>
    /// A change of an estimate the caller read at a revision (the body's; <paramref name="check"/> adds the body's other
    /// field checks): 404 for an estimate the tenant does not have, 400 with field errors, 409 with the server's estimate when stale.
    /// </summary>
    private static async Task<Results<Ok<EstimateResponse>, ValidationProblem, ProblemHttpResult>> AtRevisionAsync(EstimateService estimates, Guid id,
        int? revision, bool hasBody, string what, Func<int, Task<EstimateDetails>> change, CancellationToken cancellationToken, Action<FieldErrors>? check = null)
    {
        try
        {
            if (!await estimates.ExistsAsync(id, cancellationToken))
                return ApiResults.NotFound("estimate", id);
            if (!hasBody)
                return ApiResults.MissingBody(what);
            var errors = new FieldErrors().When(revision is null, "Revision", "Send the revision the estimate was read at.");
            check?.Invoke(errors);
            errors.ThrowIfAny();
            return TypedResults.Ok(ToResponse(await change(revision!.Value)));
        }
        catch (KeyNotFoundException)
        {
            return ApiResults.NotFound("estimate", id);
        }
        catch (DomainValidationException e)
        {
            return ApiResults.Problem(e.Errors);
        }
        catch (EstimateConflictException e)
        {
            return Conflict(revision, e);
        }
    }

    /// <summary>RFC 7807 with the server's estimate, so the caller can merge or take it without another round trip.</summary>
    private static ProblemHttpResult Conflict(int? readAt, EstimateConflictException e) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The estimate was changed meanwhile",
            detail: $"You worked from revision {readAt}; the estimate is at revision {e.Current.Estimate.Revision}.",
            extensions: new Dictionary<string, object?> { ["revision"] = e.Current.Estimate.Revision, ["estimate"] = ToResponse(e.Current) });

    internal static async Task<Results<Ok<EstimateResponse>, ValidationProblem, ProblemHttpResult>> ChangeStatus(
        EstimateService estimates, HttpContext http, Guid id, StatusRequest? body, CancellationToken cancellationToken) =>
        await ApiResults.UpdateAsync(body, "estimate", id, () => estimates.ExistsAsync(id, cancellationToken), async () =>
        {
            var to = Enum.TryParse<EstimateStatus>(body!.Status, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw FieldErrors.Single("Status", $"Choose one of {string.Join(", ", Enum.GetNames<EstimateStatus>())}.");
            return ToResponse(await estimates.MoveAsync(id, to, body.Reason, http.User.ActorOf(), cancellationToken));
        });

    internal static async Task<Results<Ok<List<VersionResponse>>, ProblemHttpResult>> ListVersions(EstimateService estimates, Guid id, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok((await estimates.VersionsAsync(id, cancellationToken)).Select(v => new VersionResponse(v.Revision, v.SavedAt, v.SavedBy)).ToList());
        }
        catch (KeyNotFoundException)
        {
            return ApiResults.NotFound("estimate", id);
        }
    }

    internal static async Task<Ok<PriceBookResponse>> GetPriceBook(PriceBookService priceBooks, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToResponse(await priceBooks.CurrentAsync(cancellationToken)));

    internal static Task<Results<Created<PriceBookResponse>, ValidationProblem>> AddPriceBookVersion(
        PriceBookService priceBooks, HttpContext http, PriceBookRequest? body, CancellationToken cancellationToken) =>
        ApiResults.CreateAsync(body, "price-book version", "/api/v1/paintbox/price-book", async () =>
        {
            new FieldErrors()
                .When(body!.EffectiveFrom is null, "EffectiveFrom", "Say from which day the prices apply.")
                .When(body.Book is not { ValueKind: JsonValueKind.Object }, "Book", "Send the whole price book.")
                .ThrowIfAny();
            var book = Read<PriceBook>(body.Book!.Value, "Book");
            var version = await priceBooks.AddAsync(new NewPriceBookVersion(body.EffectiveFrom!.Value, book, body.Warranties, body.Note), http.User.ActorOf(), cancellationToken);
            return (version.Id, ToResponse(version));
        });

    private static EstimateInputs ReadInputs(JsonElement json) => Read<EstimateInputs>(json, "Inputs");

    /// <summary>A record from a body part, as <see cref="PaintboxJson"/> reads it; JSON it cannot read is a field error, not a 500.</summary>
    private static T Read<T>(JsonElement json, string field)
    {
        try
        {
            return json.Deserialize<T>(PaintboxJson.Options) ?? throw FieldErrors.Single(field, $"Send the {field.ToLowerInvariant()}.");
        }
        catch (JsonException e)
        {
            throw FieldErrors.Single(field + (e.Path is { Length: > 1 } path ? path[1..] : ""), $"This is not a valid value here: {e.Message}");
        }
    }

    private static ClientInput ToInput(ClientRequest body) =>
        new(body.Name ?? "", body.ServiceAddress, body.BillingAddress, body.LeadSource, body.SalesforceAccountId, body.SalesforceContactId, body.Notes, body.Contacts);

    private static ClientResponse ToResponse(Client c) =>
        new(c.Id, c.Name, c.ServiceAddress, c.BillingAddress, c.LeadSource, c.SalesforceAccountId, c.SalesforceContactId, c.Notes, c.CreatedAt, c.UpdatedAt,
            c.Contacts.OrderBy(k => k.Id).Select(k => new ContactResponse(k.Id, k.Name, k.Email, k.Phone, k.Role)).ToList());

    internal static EstimateResponse ToResponse(EstimateDetails d)
    {
        var e = d.Estimate;
        return new EstimateResponse(e.Id, e.Number, e.Title, e.PropertyAddress, e.Kind.ToString(), e.Status.ToString(),
            EstimateWorkflow.AllowedFrom(e.Status).Select(s => s.ToString()).ToList(), e.LossReason, e.Revision,
            new ClientReference(d.Client.Id, d.Client.Name),
            new PriceBookReference(d.PriceBook.Id, d.PriceBook.EffectiveFrom, d.PriceBook.Note, d.PricedWithCurrentBook),
            e.Prices, JsonSerializer.SerializeToElement(e.Inputs, PaintboxJson.Options),
            e.StatusChanges.Select(c => new StatusChangeResponse(c.FromStatus.ToString(), c.ToStatus.ToString(), c.ChangedBy.Name, c.ChangedAt, c.Reason)).ToList(),
            e.CreatedAt, e.CreatedBy.Name, e.UpdatedAt);
    }

    private static PriceBookResponse ToResponse(PriceBookVersion v) =>
        new(v.Id, v.EffectiveFrom, v.Note, v.CreatedAt, v.CreatedBy.Name, JsonSerializer.SerializeToElement(v.Book, PaintboxJson.Options), v.Warranties);
}
