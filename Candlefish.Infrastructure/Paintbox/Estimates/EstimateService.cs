using Candlefish.Domain;
using Candlefish.Domain.Paintbox.Clients;
using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Paintbox.PriceBooks;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Paintbox.PriceBooks;
using Candlefish.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Candlefish.Infrastructure.Paintbox.Estimates;

/// <summary>What a new estimate starts with; no inputs means an empty measure sheet of its kind.</summary>
public sealed record NewEstimate(Guid ClientId, string Title, EstimateKind Kind, string? PropertyAddress = null, EstimateInputs? Inputs = null);

/// <summary>
/// An estimate with what its pages, proposal, export and sync need beside it: its client (with contacts), the
/// price-book version it is priced with (so a caller can price inputs the same way) and the id of the version in effect
/// today (when they differ, "reprice with the current book" has something to do).
/// </summary>
public sealed record EstimateDetails(Estimate Estimate, Client Client, PriceBookVersion PriceBook, Guid CurrentPriceBookId)
{
    public bool PricedWithCurrentBook => PriceBook.Id == CurrentPriceBookId;

    /// <summary>Prices <paramref name="inputs"/> with this estimate's price-book version (the page does, as the estimator types).</summary>
    public EstimatePrices Price(EstimateInputs inputs) => EstimatePricing.Price(inputs, PriceBook.Book, PriceBook.Warranties);
}

/// <summary>Which estimates a list shows.</summary>
public sealed record EstimateFilter(string? Search = null, EstimateStatus? Status = null, Guid? ClientId = null);

/// <summary>One estimate as a list shows it, with its price range (the lowest and highest final price of its products).</summary>
public sealed record EstimateRow(
    Guid Id, int Number, string Title, Guid ClientId, string ClientName, EstimateKind Kind, EstimateStatus Status, int Revision,
    DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, decimal? LowestPrice, decimal? HighestPrice);

/// <summary>One saved version of an estimate's inputs, as the history panel lists it.</summary>
public sealed record EstimateVersionRow(int Revision, DateTimeOffset SavedAt, string SavedBy);

/// <summary>The outcome of a save: the estimate as it is now, and whether this save changed it (false: the same inputs again).</summary>
public sealed record SaveResult(EstimateDetails Details, bool Changed);

/// <summary>The save was based on an older revision: <see cref="Current"/> is the estimate as the server has it.</summary>
public sealed class EstimateConflictException(EstimateDetails current)
    : Exception($"Estimate {current.Estimate.Number} was changed meanwhile; it is at revision {current.Estimate.Revision}.")
{
    public EstimateDetails Current { get; } = current;
}

/// <summary>Where the workspace shows estimates and clients (links between pages).</summary>
public static class EstimatePaths
{
    public const string List = "/estimates";
    public const string Clients = "/clients";
    public const string PriceBook = "/price-book";

    public static string Estimate(Guid id) => $"/estimates/{id}";

    public static string Client(Guid id) => $"/clients/{id}";
}

/// <summary>
/// The one way pages, the API and the other Paintbox modules (proposal, export, import, sync) read and change estimates.
/// Each call opens a short-lived tenant context. Prices come only from the BART engine with the estimate's own price-book
/// version (<see cref="EstimatePricing"/>), refreshed in the same save as the inputs, so a stored estimate never shows
/// prices of other inputs. Broken rules throw <see cref="DomainValidationException"/>; an id the tenant does not have
/// throws <see cref="KeyNotFoundException"/>; a save based on a stale revision throws <see cref="EstimateConflictException"/>.
/// </summary>
public sealed class EstimateService(TenantDbContextFactory contexts, PriceBookService priceBooks, TimeProvider clock)
{
    public const int MaxPageSize = 200;

    public async Task<EstimateDetails> CreateAsync(NewEstimate request, Actor by, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var client = await db.Clients.AsNoTracking().Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == request.ClientId, cancellationToken)
            ?? throw FieldErrors.Single(nameof(Estimate.ClientId), "Choose one of your clients.");
        // The number is taken in the transaction that saves the estimate: a failed save gives it back (DocumentNumbers).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var book = await priceBooks.CurrentAsync(db, cancellationToken);
        var number = await DocumentNumbers.NextAsync(db, DocumentNumbers.Estimates, cancellationToken);
        var (estimate, first) = Estimate.Create(number, client.Id, request.Title, request.PropertyAddress ?? client.ServiceAddress, request.Kind,
            request.Inputs, book, by, clock.GetUtcNow());
        db.Estimates.Add(estimate);
        db.EstimateVersions.Add(first);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new EstimateDetails(estimate, client, book, book.Id);
    }

    /// <summary>The estimate with its inputs, status history and priced snapshot, its client and its price-book version.</summary>
    /// <exception cref="KeyNotFoundException">The tenant has no such estimate.</exception>
    public async Task<EstimateDetails> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await DetailsAsync(db, id, cancellationToken);
    }

    public async Task<bool> ExistsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.Estimates.AnyAsync(e => e.Id == id, cancellationToken);
    }

    public async Task<List<EstimateRow>> ListAsync(EstimateFilter filter, int skip = 0, int take = 50, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var rows = await (from e in Filter(db, filter)
                          join c in db.Clients on e.ClientId equals c.Id
                          orderby e.Number descending
                          select new { e, ClientName = c.Name })
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize)).ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var finals = r.e.Prices.All.Select(p => p.FinalPrice).Where(p => p > 0m).ToList();
            return new EstimateRow(r.e.Id, r.e.Number, r.e.Title, r.e.ClientId, r.ClientName, r.e.Kind, r.e.Status, r.e.Revision, r.e.CreatedAt,
                r.e.UpdatedAt, finals.Count == 0 ? null : finals.Min(), finals.Count == 0 ? null : finals.Max());
        }).ToList();
    }

    public async Task<int> CountAsync(EstimateFilter filter, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await Filter(db, filter).CountAsync(cancellationToken);
    }

    /// <summary>
    /// Saves the inputs the caller made on <paramref name="basedOnRevision"/>, priced with the estimate's price-book version,
    /// and appends a version. Autosave-friendly: sending the same inputs again (a retry) changes nothing and succeeds.
    /// </summary>
    /// <exception cref="EstimateConflictException">Someone saved other inputs after <paramref name="basedOnRevision"/>.</exception>
    public async Task<SaveResult> SaveInputsAsync(Guid id, EstimateInputs inputs, int basedOnRevision, Actor by, CancellationToken cancellationToken = default)
    {
        if (inputs is null)
            throw FieldErrors.Single(nameof(Estimate.Inputs), "Send the estimate's inputs.");
        await using var db = await contexts.CreateAsync(cancellationToken);
        var estimate = await db.Estimates.FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw NotFound(id);
        var book = await db.PriceBookVersions.AsNoTracking().SingleAsync(v => v.Id == estimate.PriceBookVersionId, cancellationToken);
        EstimateVersion? version;
        try
        {
            version = estimate.SaveInputs(inputs, basedOnRevision, book, by, clock.GetUtcNow());
        }
        catch (StaleRevisionException)
        {
            throw new EstimateConflictException(await DetailsAsync(db, id, cancellationToken));
        }
        if (version is not null)
        {
            db.EstimateVersions.Add(version);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || IsUniqueViolation(e))
            {
                // Another save of the same revision won the race: its UPDATE … WHERE revision = n went first.
                db.ChangeTracker.Clear();
                throw new EstimateConflictException(await DetailsAsync(db, id, cancellationToken));
            }
        }
        return new SaveResult(await DetailsAsync(db, id, cancellationToken), version is not null);
    }

    /// <summary>Makes the inputs of an earlier revision the estimate's inputs again, as a new revision.</summary>
    public async Task<SaveResult> RestoreAsync(Guid id, int revision, int basedOnRevision, Actor by, CancellationToken cancellationToken = default)
    {
        EstimateInputs inputs;
        await using (var db = await contexts.CreateAsync(cancellationToken))
        {
            if (!await db.Estimates.AnyAsync(e => e.Id == id, cancellationToken))
                throw NotFound(id);
            inputs = await db.EstimateVersions.AsNoTracking().Where(v => v.EstimateId == id && v.Revision == revision).Select(v => v.Inputs)
                .FirstOrDefaultAsync(cancellationToken) ?? throw FieldErrors.Single("Revision", $"This estimate has no revision {revision}.");
        }
        return await SaveInputsAsync(id, inputs, basedOnRevision, by, cancellationToken);
    }

    /// <summary>The estimate's saved versions, newest first.</summary>
    public async Task<List<EstimateVersionRow>> VersionsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        if (!await db.Estimates.AnyAsync(e => e.Id == id, cancellationToken))
            throw NotFound(id);
        return await db.EstimateVersions.AsNoTracking().Where(v => v.EstimateId == id).OrderByDescending(v => v.Revision)
            .Select(v => new EstimateVersionRow(v.Revision, v.SavedAt, v.SavedBy.Name)).ToListAsync(cancellationToken);
    }

    /// <summary>The inputs of one saved revision.</summary>
    public async Task<EstimateVersion> VersionAsync(Guid id, int revision, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        return await db.EstimateVersions.AsNoTracking().FirstOrDefaultAsync(v => v.EstimateId == id && v.Revision == revision, cancellationToken)
            ?? throw NotFound(id);
    }

    /// <summary>
    /// The title and the property's address, as the estimate page autosaves them beside the inputs: made on
    /// <paramref name="basedOnRevision"/> (when given), they are refused as a conflict once someone saved the estimate past
    /// it, as inputs are. Sending the current ones again (a retry) changes nothing and succeeds.
    /// </summary>
    /// <exception cref="EstimateConflictException">The estimate is at a later revision than <paramref name="basedOnRevision"/>.</exception>
    public Task<EstimateDetails> DescribeAsync(Guid id, string title, string? propertyAddress, int? basedOnRevision = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, async (db, estimate) =>
        {
            try
            {
                estimate.Describe(title, propertyAddress, clock.GetUtcNow(), basedOnRevision);
            }
            catch (StaleRevisionException)
            {
                throw new EstimateConflictException(await DetailsAsync(db, id, cancellationToken));
            }
        }, cancellationToken);

    /// <summary>Moves the status (Lost needs the reason) and records the move in the estimate's history.</summary>
    public Task<EstimateDetails> MoveAsync(Guid id, EstimateStatus to, string? reason, Actor by, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, (db, estimate) =>
        {
            db.Add(estimate.MoveTo(to, reason, by, clock.GetUtcNow()));
            return Task.CompletedTask;
        }, cancellationToken);

    /// <summary>
    /// Prices the estimate with the price-book version in effect today (its old version is kept until then). Read at
    /// <paramref name="basedOnRevision"/> (when given), it is refused as a conflict once someone saved the estimate past it.
    /// </summary>
    /// <exception cref="EstimateConflictException">The estimate is at a later revision than <paramref name="basedOnRevision"/>.</exception>
    public Task<EstimateDetails> RepriceWithCurrentBookAsync(Guid id, int? basedOnRevision = null, CancellationToken cancellationToken = default) =>
        ChangeAsync(id, async (db, estimate) =>
        {
            if (basedOnRevision is { } revision && revision != estimate.Revision)
                throw new EstimateConflictException(await DetailsAsync(db, id, cancellationToken));
            estimate.RepriceWith(await priceBooks.CurrentAsync(db, cancellationToken), clock.GetUtcNow());
        }, cancellationToken);

    private async Task<EstimateDetails> ChangeAsync(Guid id, Func<TenantDbContext, Estimate, Task> change, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var estimate = await db.Estimates.Include(e => e.StatusChanges).FirstOrDefaultAsync(e => e.Id == id, cancellationToken) ?? throw NotFound(id);
        await change(db, estimate);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw FieldErrors.Single(nameof(Estimate.Revision), "This estimate was changed meanwhile: reload it and try again.");
        }
        return await DetailsAsync(db, id, cancellationToken);
    }

    private async Task<EstimateDetails> DetailsAsync(TenantDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var estimate = await db.Estimates.AsNoTracking().Include(e => e.StatusChanges).FirstOrDefaultAsync(e => e.Id == id, cancellationToken)
            ?? throw NotFound(id);
        var client = await db.Clients.AsNoTracking().Include(c => c.Contacts).SingleAsync(c => c.Id == estimate.ClientId, cancellationToken);
        var book = await db.PriceBookVersions.AsNoTracking().SingleAsync(v => v.Id == estimate.PriceBookVersionId, cancellationToken);
        var current = await priceBooks.CurrentAsync(db, cancellationToken);
        return new EstimateDetails(estimate, client, book, current.Id);
    }

    private static IQueryable<Estimate> Filter(TenantDbContext db, EstimateFilter filter)
    {
        var estimates = db.Estimates.AsNoTracking();
        if (filter.Status is { } status)
            estimates = estimates.Where(e => e.Status == status);
        if (filter.ClientId is { } clientId)
            estimates = estimates.Where(e => e.ClientId == clientId);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = Edits.Containing(filter.Search);
            var digits = int.TryParse(filter.Search.Trim(), out var number) ? number : (int?)null;
            estimates = estimates.Where(e => EF.Functions.ILike(e.Title, pattern, Edits.LikeEscape) || EF.Functions.ILike(e.PropertyAddress, pattern, Edits.LikeEscape)
                || db.Clients.Any(c => c.Id == e.ClientId && EF.Functions.ILike(c.Name, pattern, Edits.LikeEscape)) || e.Number == digits);
        }
        return estimates;
    }

    private static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.UniqueViolation };

    private static KeyNotFoundException NotFound(Guid id) => new($"There is no estimate {id}.");
}
