using System.Security.Cryptography;
using System.Text;

namespace Candlefish.Web.Tenancy;

/// <summary>Per-circuit facts for display and logs. Scoped: one per circuit (or per request when prerendering).</summary>
public sealed class CircuitContext
{
    /// <summary>A short, non-secret label of the circuit (a hash of its id: the id itself reconnects a circuit).</summary>
    public string? ShortId { get; private set; }

    internal void Open(string circuitId) =>
        ShortId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(circuitId)))[..12];
}
