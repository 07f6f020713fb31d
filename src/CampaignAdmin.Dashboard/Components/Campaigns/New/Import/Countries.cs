using System.Globalization;
using PhoneNumbers;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New.Import;

/// <summary>A country a number without <c>+</c> is read in: its libphonenumber region and calling code.</summary>
public sealed record Country(string Region, string Name, int CallingCode)
{
    public string Label => $"{Name} (+{CallingCode})";
}

/// <summary>Every region libphonenumber knows, by English name.</summary>
public static class Countries
{
    public static IReadOnlyList<Country> All { get; } = Load();

    public static Country Find(string region) =>
        All.FirstOrDefault(c => string.Equals(c.Region, region, StringComparison.OrdinalIgnoreCase)) ?? new Country(region, region, 0);

    private static List<Country> Load()
    {
        var util = PhoneNumberUtil.GetInstance();
        return util.GetSupportedRegions()
            .Select(region => new Country(region, NameOf(region), util.GetCountryCodeForRegion(region)))
            .OrderBy(c => c.Name, StringComparer.InvariantCulture)
            .ToList();
    }

    private static string NameOf(string region)
    {
        try
        {
            return new RegionInfo(region).EnglishName;
        }
        catch (ArgumentException)
        {
            return region; // a region .NET does not name (e.g. Ascension Island's AC)
        }
    }
}
