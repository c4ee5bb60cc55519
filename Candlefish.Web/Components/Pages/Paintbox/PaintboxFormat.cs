using System.Globalization;

namespace Candlefish.Web.Components.Pages.Paintbox;

/// <summary>How Paintbox pages write numbers: money in the tenant's currency, shares as percentages, dates on the tenant's calendar.</summary>
public static class PaintboxFormat
{
    public static string Money(decimal amount, string currency) => Candlefish.Web.Components.Shared.Money.Format(amount, currency);

    public static string Percent(decimal share) => (share * 100m).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Day(DateTimeOffset at, string timeZone) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.TryFindSystemTimeZoneById(timeZone, out var zone) ? zone : TimeZoneInfo.Utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
