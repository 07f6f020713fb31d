using CampaignAdmin.Contracts.Templates;
using PhoneNumbers;

namespace CampaignAdmin.Dashboard.Preflight;

/// <summary>How long the send takes at the configured pace, and what it may cost by the configured rate table. Both are estimates, said so.</summary>
public static class Estimates
{
    public const string DurationId = "duration";
    public const string CostId = "cost";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public static PreflightItem Duration(int recipients, double perSecond) =>
        perSecond > 0
            ? new(DurationId, PreflightTexts.DurationTitle, PreflightSeverity.Info,
                PreflightTexts.Duration(recipients, perSecond, TimeSpan.FromSeconds(recipients / perSecond)), recipients)
            : new(DurationId, PreflightTexts.DurationTitle, PreflightSeverity.Info, PreflightTexts.Unpaced(recipients), recipients);

    /// <summary>Numbers (E.164) by country, each country at its rate for the template's category.</summary>
    public static PreflightItem Cost(IReadOnlyList<string?> numbers, TemplateDto? template, RateTable rates)
    {
        if (rates.IsEmpty || template is null) return new(CostId, PreflightTexts.CostTitle, PreflightSeverity.Info, PreflightTexts.NoRates);
        var byCountry = numbers.OfType<string>().GroupBy(CallingCode).ToList();
        decimal total = 0;
        var unpriced = 0;
        var parts = new List<string>();
        foreach (var country in byCountry.OrderByDescending(g => g.Count()))
        {
            var count = country.Count();
            if (rates.RateFor(country.Key, template.Category) is not { } rate)
            {
                unpriced += count;
                continue;
            }
            total += rate * count;
            parts.Add($"{count:N0} × {Region(country.Key)} {template.Category.ToUpperInvariant()} at {rate.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture)}");
        }
        return new(CostId, PreflightTexts.CostTitle, PreflightSeverity.Info,
            PreflightTexts.Cost(total, rates.Currency, rates.AsOf, parts.Count > 0 ? string.Join(", ", parts) : "no number has a rate", unpriced), numbers.Count);
    }

    /// <summary>
    /// The country calling code an E.164 number starts with (calling codes are prefix-free: the first 1, 2 or 3 digits
    /// libphonenumber knows), without parsing the whole number: 100,000 rows stay cheap.
    /// </summary>
    public static string CallingCode(string e164)
    {
        for (var length = 1; length <= 3 && length < e164.Length; length++)
            if (int.TryParse(e164.AsSpan(1, length), out var code) && Util.GetRegionCodeForCountryCode(code) != "ZZ") return code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "";
    }

    // "+966 (SA)": the code and libphonenumber's main region for it.
    private static string Region(string code) =>
        int.TryParse(code, out var number) && Util.GetRegionCodeForCountryCode(number) is { } region and not "ZZ" ? $"+{code} ({region})" : "unknown";
}
