namespace Candlefish.Web.Components.Shared;

/// <summary>The time zones a business or a location may pick: IANA ids (the ones the domain accepts), sorted.</summary>
public static class TimeZoneChoices
{
    public static readonly IReadOnlyList<string> All =
        TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/') || id == "UTC").Order().ToList();
}
