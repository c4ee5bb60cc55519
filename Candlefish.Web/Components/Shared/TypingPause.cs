namespace Candlefish.Web.Components.Shared;

/// <summary>
/// Search as you type without a round of queries per key press: each press restarts a short wait, and only the
/// press that is still the latest when the wait ends goes on to search.
/// </summary>
public sealed class TypingPause : IDisposable
{
    private CancellationTokenSource? _typing;

    /// <summary>True when no newer key press came during the pause.</summary>
    public async Task<bool> WaitAsync(int milliseconds = 300)
    {
        _typing?.Cancel();
        _typing?.Dispose();
        _typing = new CancellationTokenSource();
        try
        {
            await Task.Delay(milliseconds, _typing.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false; // a newer key press took over
        }
    }

    public void Dispose() => _typing?.Cancel();
}
