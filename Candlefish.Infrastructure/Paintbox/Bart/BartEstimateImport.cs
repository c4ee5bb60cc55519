using Candlefish.Domain;
using Candlefish.Domain.Paintbox.Clients;
using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Paintbox.Pricing;
using Candlefish.Domain.Platform.Access;
using Candlefish.Infrastructure.Paintbox.Estimates;
using Candlefish.Infrastructure.Paintbox.PriceBooks;
using Candlefish.Infrastructure.Persistence;

namespace Candlefish.Infrastructure.Paintbox.Bart;

/// <summary>
/// What an estimator's upload of a BART workbook gave: the new estimate (with its new client), or why nothing was
/// created (<see cref="Error"/>, and <see cref="InputErrors"/> when the workbook's values cannot make an estimate);
/// in both cases the import's report of what it did not understand.
/// </summary>
public sealed record BartEstimateImportResult(
    EstimateDetails? Estimate, IReadOnlyList<BartFinding> Findings, string? Error, IReadOnlyDictionary<string, string[]> InputErrors)
{
    public bool Succeeded => Estimate is not null;
}

/// <summary>
/// Turns an uploaded BART 3.2 workbook into a new client and a draft estimate with every measurement, priced with the
/// tenant's current price book, in one transaction: a file that cannot be read, holds no measurements or holds values
/// an estimate cannot take creates nothing. The client comes from `New Client Info Page` row 2 (name, phone, email,
/// address; the Salesforce opportunity and CompanyCam project go to the client's notes).
/// </summary>
public sealed class BartEstimateImport(TenantDbContextFactory contexts, PriceBookService priceBooks, EstimateService estimates, TimeProvider clock)
{
    /// <summary>The largest workbook accepted: BART 3.2 files weigh about 1.2 MB.</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly IReadOnlyDictionary<string, string[]> NoErrors = new Dictionary<string, string[]>();

    public async Task<BartEstimateImportResult> ImportAsync(Stream workbook, string fileName, Actor by, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateAsync(cancellationToken);
        var book = await priceBooks.CurrentAsync(db, cancellationToken);
        var read = BartWorkbookReader.Import(workbook, book.Book);
        if (read.Import is not { } import)
            return new BartEstimateImportResult(null, [], read.Error, NoErrors);

        var inputs = new EstimateInputs(IsMeasured(import.Exterior) ? import.Exterior : null, import.Interior is { Rooms.Count: > 0 } ? import.Interior : null);
        if (inputs.Exterior is null && inputs.Interior is null)
            return new BartEstimateImportResult(null, import.Findings,
                "The workbook has no measurements: no included elevation has a measure line and no room is measured.", NoErrors);

        var now = clock.GetUtcNow();
        var source = Path.GetFileName(fileName);
        Client client;
        Estimate estimate;
        EstimateVersion first;
        try
        {
            var person = import.Client;
            var name = person?.Name is { Length: > 0 } known ? known : Path.GetFileNameWithoutExtension(source);
            var notes = string.Join("\n", new[]
            {
                $"Imported from the BART workbook {source}.",
                person?.SalesforceOpportunityId is { Length: > 0 } opportunity ? $"Salesforce opportunity: {opportunity}." : null,
                person?.CompanyCamProjectId is { Length: > 0 } project ? $"CompanyCam project: {project}." : null,
            }.OfType<string>());
            client = Client.Create(new ClientDetails(name, person?.Address, Notes: notes), now);
            if (person is { Name.Length: > 0 })
                client.AddContact(person.Name, NullIfEmpty(person.Email), NullIfEmpty(person.Phone), "Homeowner");
            inputs.Validate(inputs.Kind);
            // The number is taken in the transaction that saves the estimate: a failed save gives it back.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var number = await DocumentNumbers.NextAsync(db, DocumentNumbers.Estimates, cancellationToken);
            (estimate, first) = Estimate.Create(number, client.Id, Title(inputs.Kind, source), client.ServiceAddress, inputs.Kind, inputs, book, by, now);
            db.Clients.Add(client);
            db.Estimates.Add(estimate);
            db.EstimateVersions.Add(first);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DomainValidationException e)
        {
            return new BartEstimateImportResult(null, import.Findings,
                "The workbook's values cannot make an estimate: correct the cells below in the workbook and upload it again.", e.Errors);
        }
        return new BartEstimateImportResult(await estimates.GetAsync(estimate.Id, cancellationToken), import.Findings, null, NoErrors);
    }

    /// <summary>An exterior counts when an included elevation has a measure line or a side job has a size.</summary>
    private static bool IsMeasured(ExteriorEstimate? exterior) =>
        exterior is not null && (exterior.Elevations.Any(e => e.Included && e.Lines.Any(l => l.AreaSqFt != 0m))
            || exterior.SideJobs is { } jobs && (jobs.Decks.Count > 0 || jobs.Sheds.Count > 0 || jobs.FenceLengthFeet + jobs.PergolaLengthFeet
                + jobs.PrivacyWallLengthFeet + jobs.DeckRailingFeet + jobs.DeckUndersideLengthFeet != 0m));

    private static string Title(EstimateKind kind, string source)
    {
        var what = kind switch { EstimateKind.Both => "Exterior and interior", EstimateKind.Interior => "Interior", _ => "Exterior" };
        var title = $"{what} from {source}";
        return title.Length <= Estimate.TitleMaxLength ? title : title[..Estimate.TitleMaxLength];
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;
}
