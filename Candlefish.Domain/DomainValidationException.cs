namespace Candlefish.Domain;

/// <summary>Values that break a domain rule, as field errors a form or a ProblemDetails response can show.</summary>
public class DomainValidationException(IReadOnlyDictionary<string, string[]> errors)
    : Exception("Invalid values: " + string.Join(" ", errors.Values.SelectMany(e => e)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}
