namespace Candlefish.Domain.Paintbox.Pricing;

/// <summary>The spreadsheet functions the BART rules round and finance with, with the workbook's semantics.</summary>
public static class WorkbookMath
{
    /// <summary>ROUNDUP(x, 0): away from zero.</summary>
    public static decimal RoundUp(decimal value) => value >= 0 ? Math.Ceiling(value) : -Math.Ceiling(-value);

    /// <summary>PMT(rate, periods, −principal): the level payment that repays the principal.</summary>
    public static decimal Payment(decimal monthlyRate, int periods, decimal principal)
    {
        if (monthlyRate == 0m) return principal / periods;
        var growth = Pow(1m + monthlyRate, periods);
        return principal * monthlyRate * growth / (growth - 1m);
    }

    /// <summary>FORECAST.LINEAR(x, ys, xs): the least-squares line through the points, read at x.</summary>
    public static decimal ForecastLinear(decimal x, IReadOnlyList<decimal> ys, IReadOnlyList<decimal> xs)
    {
        var meanX = xs.Average();
        var meanY = ys.Average();
        decimal covariance = 0m, variance = 0m;
        for (var i = 0; i < xs.Count; i++)
        {
            covariance += (xs[i] - meanX) * (ys[i] - meanY);
            variance += (xs[i] - meanX) * (xs[i] - meanX);
        }
        var slope = covariance / variance;
        return meanY + slope * (x - meanX);
    }

    private static decimal Pow(decimal value, int exponent)
    {
        var result = 1m;
        for (var i = 0; i < exponent; i++) result *= value;
        return result;
    }
}
