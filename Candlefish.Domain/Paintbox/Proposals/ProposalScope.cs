using System.Globalization;
using Candlefish.Domain.Paintbox.Estimates;
using Candlefish.Domain.Paintbox.Pricing;

namespace Candlefish.Domain.Paintbox.Proposals;

/// <summary>One area of the job (an elevation, a room, the side jobs) and what is painted there, as the client reads it.</summary>
public sealed record ScopeLine(string Area, string Painted);

/// <summary>
/// The proposal's scope summary, written from the estimate's measurements: each included elevation with something
/// measured on it (its body area by substrate, its trim, fascia, soffit, railing and counts), the side jobs, and each
/// included room with the scopes switched on. What is not measured is not promised.
/// </summary>
public static class ProposalScope
{
    public static IReadOnlyList<ScopeLine> Of(EstimateInputs inputs)
    {
        var lines = new List<ScopeLine>();
        if (inputs.Exterior is { } exterior)
        {
            foreach (var elevation in exterior.Elevations.Where(e => e.Included))
            {
                var painted = Elevation(elevation);
                if (painted.Count > 0)
                    lines.Add(new ScopeLine($"{elevation.Side} elevation", string.Join("; ", painted)));
            }
            if (exterior.SideJobs is { } side && SideJobs(side) is { Count: > 0 } jobs)
                lines.Add(new ScopeLine("Side jobs", string.Join("; ", jobs)));
            if (exterior.LeadPositive)
                lines.Add(new ScopeLine("Lead-safe work", "The house tested positive for lead: we follow lead-safe practices (EPA RRP)."));
        }
        if (inputs.Interior is { } interior)
        {
            foreach (var room in interior.Rooms.Where(r => r.Included))
            {
                var scopes = Scopes(room.Scopes);
                if (scopes.Count > 0)
                    lines.Add(new ScopeLine(room.Name, string.Join(", ", scopes)));
            }
        }
        return lines;
    }

    private static List<string> Elevation(Elevation e)
    {
        var painted = e.Lines.Where(l => l.AreaSqFt > 0m)
            .GroupBy(l => l.Substrate)
            .Select(g => $"{Number(g.Sum(l => l.AreaSqFt))} sq ft of {g.Key.Replace('_', ' ')}")
            .ToList();
        Add(painted, e.TrimLengthFeet, "ft of trim");
        Add(painted, e.FasciaLengthFeet, "ft of fascia");
        Add(painted, e.OpenSoffitLengthFeet, "ft of open soffit");
        Add(painted, e.RailingLengthFeet, "ft of railing");
        Count(painted, e.Windows, "window");
        Count(painted, e.Shutters, "shutter");
        Count(painted, e.AccessDoors, "door");
        Count(painted, e.GarageDoors, "garage door");
        Count(painted, e.StormWindows, "storm window");
        if (e.Gutters)
            painted.Add("gutters");
        return painted;
    }

    private static List<string> SideJobs(SideJobs side)
    {
        var jobs = new List<string>();
        foreach (var deck in side.Decks.Where(d => d.LengthFeet * d.WidthFeet > 0m))
            jobs.Add($"deck {Number(deck.LengthFeet)} × {Number(deck.WidthFeet)} ft ({deck.StainType})");
        foreach (var shed in side.Sheds.Where(s => s.BodySqFt > 0m))
            jobs.Add($"shed ({Number(shed.BodySqFt)} sq ft)");
        if (side.FenceLengthFeet > 0m)
            jobs.Add($"fence {Number(side.FenceLengthFeet)} ft ({side.FenceStainType})");
        if (side.PergolaLengthFeet * side.PergolaWidthFeet > 0m)
            jobs.Add($"pergola ({side.PergolaStainType})");
        if (side.PrivacyWallLengthFeet > 0m)
            jobs.Add($"privacy wall {Number(side.PrivacyWallLengthFeet)} ft");
        return jobs;
    }

    private static List<string> Scopes(RoomScopes s)
    {
        var scopes = new List<string>();
        if (s.Walls) scopes.Add("walls");
        if (s.Ceiling) scopes.Add("ceiling");
        if (s.Trim) scopes.Add("trim");
        if (s.Doors) scopes.Add("doors");
        if (s.Closets) scopes.Add("closets");
        if (s.Railing) scopes.Add("railing");
        if (s.Mantel) scopes.Add("mantel");
        if (s.WoodWindows) scopes.Add("wood windows");
        return scopes;
    }

    private static void Add(List<string> painted, decimal amount, string what)
    {
        if (amount > 0m)
            painted.Add($"{Number(amount)} {what}");
    }

    private static void Count(List<string> painted, int count, string thing)
    {
        if (count > 0)
            painted.Add($"{count} {thing}{(count == 1 ? "" : "s")}");
    }

    private static string Number(decimal value) => value.ToString("#,##0.##", CultureInfo.InvariantCulture);
}
