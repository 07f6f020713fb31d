using System.Globalization;
using CampaignAdmin.Dashboard.Components.Campaigns.New.Import;
using PhoneNumbers;

namespace CampaignAdmin.Dashboard.Components.Campaigns.New;

/// <summary>
/// Why a number is not a phone number, in people's words, from libphonenumber's own verdict (too short, too long, unknown
/// country code…) and the country it was read in: "+96653907 is too short to be a Saudi number".
/// </summary>
public static class PhoneProblems
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>How a country's numbers are called in a sentence; others read "a number in Jordan".</summary>
    private static readonly Dictionary<string, string> Adjectives = new(StringComparer.OrdinalIgnoreCase)
    {
        ["SA"] = "Saudi", ["AE"] = "UAE", ["KW"] = "Kuwaiti", ["QA"] = "Qatari", ["BH"] = "Bahraini", ["OM"] = "Omani",
        ["EG"] = "Egyptian", ["JO"] = "Jordanian", ["LB"] = "Lebanese", ["IQ"] = "Iraqi", ["YE"] = "Yemeni", ["SY"] = "Syrian",
        ["MA"] = "Moroccan", ["DZ"] = "Algerian", ["TN"] = "Tunisian", ["SD"] = "Sudanese", ["TR"] = "Turkish", ["IN"] = "Indian",
        ["PK"] = "Pakistani", ["BD"] = "Bangladeshi", ["PH"] = "Philippine", ["ID"] = "Indonesian", ["GB"] = "UK", ["US"] = "US",
        ["DE"] = "German", ["FR"] = "French",
    };

    public static PhoneVerdict Judge(string raw, string region)
    {
        var text = raw.Trim();
        if (text.Length == 0) return new(PhoneIssue.Blank, "Enter a phone number.");
        if (text.Any(char.IsLetter) || text.Length > 32)
            return new(PhoneIssue.NotANumber, $"{Quote(text)} is not a phone number: use digits, with + and the country code.");
        var digits = text.Count(char.IsAsciiDigit);
        try
        {
            var number = Util.Parse(text, region);
            var numberRegion = Util.GetRegionCodeForCountryCode(number.CountryCode);
            if (numberRegion is "ZZ" or "001" or null) return CountryCode(text);
            var country = CountryWords(numberRegion);
            return Util.IsPossibleNumberWithReason(number) switch
            {
                PhoneNumberUtil.ValidationResult.TOO_SHORT => new(PhoneIssue.TooShort, $"{text} is too short to be {country}."),
                PhoneNumberUtil.ValidationResult.TOO_LONG => new(PhoneIssue.TooLong, $"{text} is too long to be {country}."),
                PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => CountryCode(text),
                PhoneNumberUtil.ValidationResult.INVALID_LENGTH => new(PhoneIssue.WrongLength, $"{text} has the wrong number of digits for {country}."),
                _ when digits < 5 => new(PhoneIssue.TooShort, $"{text} is too short to be {country}."),
                _ when digits > 17 => new(PhoneIssue.TooLong, $"{text} is too long to be {country}."),
                _ => new(PhoneIssue.NotValid, $"{text} is not a valid {CountryAdjective(numberRegion)}: check the digits after the country code."),
            };
        }
        catch (NumberParseException exception)
        {
            var country = CountryWords(region);
            return exception.ErrorType.ToString() switch
            {
                "INVALID_COUNTRY_CODE" => CountryCode(text),
                "TOO_SHORT_NSN" or "TOO_SHORT_AFTER_IDD" => new(PhoneIssue.TooShort, $"{text} is too short to be {country}."),
                "TOO_LONG" => new(PhoneIssue.TooLong, $"{text} is too long to be {country}."),
                _ => new(PhoneIssue.NotANumber, $"{Quote(text)} is not a phone number: use digits, with + and the country code."),
            };
        }
    }

    private static PhoneVerdict CountryCode(string text) =>
        new(PhoneIssue.UnknownCountryCode, $"{text} does not start with a country code that exists: write + and the country code (+966 for Saudi Arabia).");

    /// <summary>"a Saudi number", "a UAE number", "a number in Jordan".</summary>
    public static string CountryWords(string region) =>
        Adjectives.TryGetValue(region, out var adjective) ? $"{Article(adjective)} {adjective} number" : $"a number in {CountryName(region)}";

    private static string CountryAdjective(string region) =>
        Adjectives.TryGetValue(region, out var adjective) ? $"{adjective} number" : $"number in {CountryName(region)}";

    private static string CountryName(string region) => Countries.Find(region).Name;

    private static string Article(string word) => word.StartsWith('U') && word.Length <= 3 ? "a" : "aeiouAEIOU".Contains(word[0]) ? "an" : "a";

    private static string Quote(string text) => $"\"{(text.Length > 24 ? text[..23] + "…" : text)}\"";
}

public enum PhoneIssue { Blank, NotANumber, TooShort, TooLong, WrongLength, UnknownCountryCode, NotValid }

public sealed record PhoneVerdict(PhoneIssue Issue, string Sentence);
