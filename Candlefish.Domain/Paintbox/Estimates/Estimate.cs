using Candlefish.Domain.Paintbox.PriceBooks;
using Candlefish.Domain.Platform.Access;
using Candlefish.Domain.Tenancy;

namespace Candlefish.Domain.Paintbox.Estimates;

/// <summary>
/// A painting estimate for one client and property: what was measured (<see cref="Inputs"/>), the price-book version it
/// is priced with (kept, so its prices never change by themselves), the prices that version gave (<see cref="Prices"/>),
/// its status with the history of who moved it, and a <see cref="Revision"/> that every change of the inputs raises, so
/// two people (or two tabs, or a retried autosave) never overwrite each other unseen.
/// </summary>
public sealed class Estimate : ITenantOwned
{
    public const int TitleMaxLength = 200;
    public const int AddressMaxLength = 500;

    private readonly List<EstimateStatusChange> _statusChanges = [];

    private Estimate() { }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }

    /// <summary>The tenant's human estimate number (1001, 1002…), unique in the tenant; allocated by the caller.</summary>
    public int Number { get; private set; }

    public Guid ClientId { get; private set; }
    public string Title { get; private set; } = "";
    public string PropertyAddress { get; private set; } = "";
    public EstimateKind Kind { get; private set; }
    public EstimateStatus Status { get; private set; }

    /// <summary>Why the job was lost; empty unless <see cref="Status"/> is <see cref="EstimateStatus.Lost"/>.</summary>
    public string LossReason { get; private set; } = "";

    public EstimateInputs Inputs { get; private set; } = EstimateInputs.Empty(EstimateKind.Exterior);
    public Guid PriceBookVersionId { get; private set; }
    public EstimatePrices Prices { get; private set; } = EstimatePrices.None;

    /// <summary>1 at creation, one more with every change of the inputs (each has its <see cref="EstimateVersion"/>).</summary>
    public int Revision { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public Actor CreatedBy { get; private set; } = Actor.System;
    public DateTimeOffset UpdatedAt { get; private set; }

    public IReadOnlyList<EstimateStatusChange> StatusChanges => _statusChanges.OrderBy(c => c.ChangedAt).ToList();

    public bool InputsEditable => EstimateWorkflow.InputsEditable(Status);

    /// <summary>A new draft priced with <paramref name="book"/>; its first version holds <paramref name="inputs"/>.</summary>
    public static (Estimate Estimate, EstimateVersion First) Create(int number, Guid clientId, string title, string? propertyAddress, EstimateKind kind,
        EstimateInputs? inputs, PriceBookVersion book, Actor by, DateTimeOffset now)
    {
        if (number < 1)
            throw new ArgumentOutOfRangeException(nameof(number), "Estimate numbers start at 1.");
        new FieldErrors()
            .When(!Enum.IsDefined(kind), nameof(Kind), "Choose exterior, interior or both.")
            .ThrowIfAny();
        inputs ??= EstimateInputs.Empty(kind);
        var estimate = new Estimate
        {
            Id = Guid.CreateVersion7(now), Number = number, ClientId = clientId, Kind = kind, Status = EstimateStatus.Draft,
            CreatedAt = now, CreatedBy = by, Revision = 0,
        };
        estimate.Describe(title, propertyAddress, now);
        inputs.Validate(kind);
        estimate.PriceWith(book, inputs);
        estimate.Inputs = inputs;
        estimate.Revision = 1;
        return (estimate, new EstimateVersion(estimate.Id, 1, inputs, by, now));
    }

    /// <summary>The title and the address of the property painted.</summary>
    /// <summary>
    /// Names the estimate and its property. Made on <paramref name="basedOnRevision"/> (the page's autosave), a change is
    /// refused with <see cref="StaleRevisionException"/> once someone saved past it, as inputs are; the current title and
    /// address again (a retried save) change nothing.
    /// </summary>
    /// <returns>False when nothing changed.</returns>
    public bool Describe(string title, string? propertyAddress, DateTimeOffset now, int? basedOnRevision = null)
    {
        new FieldErrors()
            .Required(nameof(Title), title, TitleMaxLength, "title")
            .MaxLength(nameof(PropertyAddress), propertyAddress, AddressMaxLength, "property address")
            .ThrowIfAny();
        if (Title == Text.Clean(title) && PropertyAddress == Text.Clean(propertyAddress))
            return false;
        if (basedOnRevision is { } revision && revision != Revision)
            throw new StaleRevisionException(Revision);
        Title = Text.Clean(title);
        PropertyAddress = Text.Clean(propertyAddress);
        UpdatedAt = now;
        return true;
    }

    /// <summary>
    /// Saves the estimator's inputs made on <paramref name="basedOnRevision"/> and prices them with the estimate's own
    /// price-book version. Idempotent: inputs equal to the current ones change nothing and return null, whatever revision
    /// they were based on (a retried autosave). Inputs based on an older revision than the current one are refused with
    /// <see cref="StaleRevisionException"/>: someone else saved meanwhile.
    /// </summary>
    /// <returns>The new version, or null when nothing changed.</returns>
    public EstimateVersion? SaveInputs(EstimateInputs inputs, int basedOnRevision, PriceBookVersion book, Actor by, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (inputs.SameAs(Inputs))
            return null;
        if (basedOnRevision != Revision)
            throw new StaleRevisionException(Revision);
        if (!InputsEditable)
            throw FieldErrors.Single(nameof(Inputs), $"This estimate is {EstimateWorkflow.Describe(Status)}: its measurements can no longer change.");
        EnsureBook(book);
        inputs.Validate(Kind);
        PriceWith(book, inputs);
        Inputs = inputs;
        Revision++;
        UpdatedAt = now;
        return new EstimateVersion(Id, Revision, inputs, by, now);
    }

    /// <summary>Moves the estimate to the price-book version in effect now and prices it again ("reprice with the current book").</summary>
    public void RepriceWith(PriceBookVersion current, DateTimeOffset now)
    {
        if (!InputsEditable)
            throw FieldErrors.Single(nameof(PriceBookVersionId), $"This estimate is {EstimateWorkflow.Describe(Status)}: its prices can no longer change.");
        PriceBookVersionId = current.Id;
        PriceWith(current, Inputs);
        UpdatedAt = now;
    }

    /// <summary>Moves the status (a loss needs its reason) and records who did it, when and why.</summary>
    public EstimateStatusChange MoveTo(EstimateStatus to, string? reason, Actor by, DateTimeOffset now)
    {
        EstimateWorkflow.EnsureAllowed(Status, to, reason);
        var change = new EstimateStatusChange(Id, Status, to, by, Text.Clean(reason), now);
        _statusChanges.Add(change);
        Status = to;
        LossReason = to == EstimateStatus.Lost ? Text.Clean(reason) : "";
        UpdatedAt = now;
        return change;
    }

    private void EnsureBook(PriceBookVersion book)
    {
        if (book.Id != PriceBookVersionId)
            throw new InvalidOperationException("An estimate is priced with its own price-book version; reprice it to move to another.");
    }

    private void PriceWith(PriceBookVersion book, EstimateInputs inputs)
    {
        if (PriceBookVersionId != Guid.Empty && PriceBookVersionId != book.Id)
            EnsureBook(book);
        EstimatePrices prices;
        try
        {
            prices = EstimatePricing.Price(inputs, book.Book, book.Warranties);
        }
        catch (Exception e) when (e is ArithmeticException or KeyNotFoundException or InvalidOperationException or ArgumentException)
        {
            // The inputs passed their checks but the engine cannot price them with this book (a product the book lacks,
            // numbers too large together): a message beside the measurements, never a 500 and never a half-priced save.
            throw FieldErrors.Single(nameof(Inputs), "These measurements cannot be priced with this price book: " + e.Message);
        }
        PriceBookVersionId = book.Id;
        Prices = prices;
    }
}

/// <summary>The inputs were based on an older revision than the estimate's: someone saved meanwhile.</summary>
public sealed class StaleRevisionException(int currentRevision)
    : Exception($"This estimate was changed meanwhile (it is at revision {currentRevision}).")
{
    public int CurrentRevision { get; } = currentRevision;
}

/// <summary>One move of an estimate's status: from what to what, who moved it, when and why. Never changed afterwards.</summary>
public sealed class EstimateStatusChange : ITenantOwned
{
    public const int ReasonMaxLength = 500;

    private EstimateStatusChange() { }

    internal EstimateStatusChange(Guid estimateId, EstimateStatus from, EstimateStatus to, Actor by, string reason, DateTimeOffset at) =>
        (Id, EstimateId, FromStatus, ToStatus, ChangedBy, Reason, ChangedAt) = (Guid.CreateVersion7(at), estimateId, from, to, by, reason, at);

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid EstimateId { get; private set; }
    public EstimateStatus FromStatus { get; private set; }
    public EstimateStatus ToStatus { get; private set; }
    public Actor ChangedBy { get; private set; } = Actor.System;
    public DateTimeOffset ChangedAt { get; private set; }
    public string Reason { get; private set; } = "";
}

/// <summary>The inputs as one save left them (revision n), who saved them and when: the estimate's version history.</summary>
public sealed class EstimateVersion : ITenantOwned
{
    private EstimateVersion() { }

    internal EstimateVersion(Guid estimateId, int revision, EstimateInputs inputs, Actor by, DateTimeOffset at) =>
        (Id, EstimateId, Revision, Inputs, SavedBy, SavedAt) = (Guid.CreateVersion7(at), estimateId, revision, inputs, by, at);

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid EstimateId { get; private set; }
    public int Revision { get; private set; }
    public EstimateInputs Inputs { get; private set; } = EstimateInputs.Empty(EstimateKind.Exterior);
    public Actor SavedBy { get; private set; } = Actor.System;
    public DateTimeOffset SavedAt { get; private set; }
}
