using System.Globalization;

namespace Candlefish.Web.Components.Shared;

/// <summary>How every product's pages and documents write money and moments for a business.</summary>
public static class Display
{
    /// <summary>An amount in the business's currency: <c>$1,234.50</c> for dollars, else <c>1,234.50 EUR</c>.</summary>
    public static string Money(decimal amount, string currency) => currency is "USD" or "CAD" or "AUD" or "NZD"
        ? amount.ToString("$#,##0.00;-$#,##0.00", CultureInfo.InvariantCulture)
        : $"{amount.ToString("#,##0.00", CultureInfo.InvariantCulture)} {currency}";

    /// <summary>A moment in the business's time zone.</summary>
    public static string When(DateTimeOffset at, string timeZone) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).ToString("MMM d, yyyy h:mm tt", CultureInfo.InvariantCulture);

    /// <summary>The day of a moment in the business's time zone.</summary>
    public static string Day(DateTimeOffset at, string timeZone) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById(timeZone)).ToString("MMM d, yyyy", CultureInfo.InvariantCulture);
}
