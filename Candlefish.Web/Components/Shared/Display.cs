using System.Globalization;

namespace Candlefish.Web.Components.Shared;

/// <summary>How every product's pages and documents write money and moments for a business (in its currency and time zone).</summary>
public static class Display
{
    /// <summary>An amount in the business's currency (<see cref="Shared.Money.Format"/>).</summary>
    public static string Money(decimal amount, string currency) => Shared.Money.Format(amount, currency);

    /// <summary>A moment in the business's time zone.</summary>
    public static string When(DateTimeOffset at, string timeZone) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).ToString("MMM d, yyyy h:mm tt", CultureInfo.InvariantCulture);

    /// <summary>The day of a moment in the business's time zone.</summary>
    public static string Day(DateTimeOffset at, string timeZone) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).ToString("MMM d, yyyy", CultureInfo.InvariantCulture);
}
