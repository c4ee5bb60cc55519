using System.Globalization;

namespace Candlefish.Web.Components.Shared;

/// <summary>How every page writes an amount in the business's currency.</summary>
public static class Money
{
    /// <summary><c>$1,234.50</c> for dollars, <c>1,234.50 SEK</c> where no symbol is known.</summary>
    public static string Format(decimal amount, string currency) => currency switch
    {
        "USD" or "CAD" or "AUD" or "NZD" => amount.ToString("$#,##0.00;-$#,##0.00", CultureInfo.InvariantCulture),
        "EUR" => "€" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture),
        "GBP" => "£" + amount.ToString("#,##0.00", CultureInfo.InvariantCulture),
        _ => amount.ToString("#,##0.00", CultureInfo.InvariantCulture) + " " + currency,
    };
}
