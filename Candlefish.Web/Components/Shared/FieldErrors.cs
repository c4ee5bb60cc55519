using Candlefish.Domain;

namespace Candlefish.Web.Components.Shared;

/// <summary>
/// Runs a page's action and turns a broken rule into field errors to show beside the fields: an interactive page
/// fails closed with a message, never a dead circuit.
/// </summary>
public static class FieldErrors
{
    public static readonly IReadOnlyDictionary<string, string[]> None = new Dictionary<string, string[]>();

    /// <summary>Empty when the action succeeded; otherwise the messages by field (<paramref name="fallbackField"/> for a missing thing).</summary>
    public static async Task<IReadOnlyDictionary<string, string[]>> TryAsync(Func<Task> action, string fallbackField = "")
    {
        try
        {
            await action();
            return None;
        }
        catch (DomainValidationException e)
        {
            return e.Errors;
        }
        catch (KeyNotFoundException e)
        {
            // Someone else removed it meanwhile: say so rather than fail.
            return new Dictionary<string, string[]> { [fallbackField] = [e.Message] };
        }
    }
}
