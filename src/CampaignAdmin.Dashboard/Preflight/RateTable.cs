namespace CampaignAdmin.Dashboard.Preflight;

/// <summary>
/// What one message costs, by country calling code ("966", "1", "44") and template category (MARKETING, UTILITY,
/// AUTHENTICATION), in <see cref="Currency"/>, as of <see cref="AsOf"/>: configured (<c>Preflight:Rates</c>), never
/// fetched, so the cost shown is an estimate, not a bill. <c>Other</c> is the rate of any country not listed.
/// </summary>
public sealed class RateTable
{
    public const string OtherCountries = "Other";

    public string Currency { get; set; } = "USD";

    /// <summary>When the rates were taken from the provider's rate card (free text, shown beside the estimate).</summary>
    public string AsOf { get; set; } = "";

    public Dictionary<string, Dictionary<string, decimal>> Countries { get; set; } = [];

    public bool IsEmpty => Countries.Count == 0;

    /// <summary>The rate for a calling code and category, else the <c>Other</c> row's, else <c>null</c>.</summary>
    public decimal? RateFor(string callingCode, string category) =>
        Find(callingCode, category) ?? Find(OtherCountries, category);

    private decimal? Find(string country, string category)
    {
        var row = Countries.FirstOrDefault(c => string.Equals(c.Key, country, StringComparison.OrdinalIgnoreCase)).Value;
        if (row is null) return null;
        foreach (var (name, rate) in row)
            if (string.Equals(name, category, StringComparison.OrdinalIgnoreCase)) return rate;
        return null;
    }
}
