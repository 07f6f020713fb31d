using System.Globalization;
using CampaignAdmin.Dashboard.Components.Campaigns.New.Import;
using CampaignAdmin.Dashboard.Text;
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
        if (text.Length == 0) return new(PhoneIssue.Blank, Localized.Text(typeof(PhoneProblems), Blank));
        if (text.Any(char.IsLetter) || text.Length > 32)
            return new(PhoneIssue.NotANumber, Localized.Format(typeof(PhoneProblems), "{0} is not a phone number: use digits, with + and the country code.", Quote(text)));
        var digits = text.Count(char.IsAsciiDigit);
        try
        {
            var number = Util.Parse(text, region);
            var numberRegion = Util.GetRegionCodeForCountryCode(number.CountryCode);
            if (numberRegion is "ZZ" or "001" or null) return CountryCode(text);
            var country = CountryWords(numberRegion);
            return Util.IsPossibleNumberWithReason(number) switch
            {
                PhoneNumberUtil.ValidationResult.TOO_SHORT => new(PhoneIssue.TooShort, Localized.Format(typeof(PhoneProblems), "{0} is too short to be {1}.", text, country)),
                PhoneNumberUtil.ValidationResult.TOO_LONG => new(PhoneIssue.TooLong, Localized.Format(typeof(PhoneProblems), "{0} is too long to be {1}.", text, country)),
                PhoneNumberUtil.ValidationResult.INVALID_COUNTRY_CODE => CountryCode(text),
                PhoneNumberUtil.ValidationResult.INVALID_LENGTH => new(PhoneIssue.WrongLength, Localized.Format(typeof(PhoneProblems), "{0} has the wrong number of digits for {1}.", text, country)),
                _ when digits < 5 => new(PhoneIssue.TooShort, Localized.Format(typeof(PhoneProblems), "{0} is too short to be {1}.", text, country)),
                _ when digits > 17 => new(PhoneIssue.TooLong, Localized.Format(typeof(PhoneProblems), "{0} is too long to be {1}.", text, country)),
                _ => new(PhoneIssue.NotValid, Localized.Format(typeof(PhoneProblems), "{0} is not a valid {1}: check the digits after the country code.", text, CountryAdjective(numberRegion))),
            };
        }
        catch (NumberParseException exception)
        {
            var country = CountryWords(region);
            return exception.ErrorType.ToString() switch
            {
                "INVALID_COUNTRY_CODE" => CountryCode(text),
                "TOO_SHORT_NSN" or "TOO_SHORT_AFTER_IDD" => new(PhoneIssue.TooShort, Localized.Format(typeof(PhoneProblems), "{0} is too short to be {1}.", text, country)),
                "TOO_LONG" => new(PhoneIssue.TooLong, Localized.Format(typeof(PhoneProblems), "{0} is too long to be {1}.", text, country)),
                _ => new(PhoneIssue.NotANumber, Localized.Format(typeof(PhoneProblems), "{0} is not a phone number: use digits, with + and the country code.", Quote(text))),
            };
        }
    }

    private static PhoneVerdict CountryCode(string text) =>
        new(PhoneIssue.UnknownCountryCode, Localized.Format(typeof(PhoneProblems), "{0} does not start with a country code that exists: write + and the country code (+966 for Saudi Arabia).", text));

    /// <summary>"a Saudi number", "a UAE number", "a number in Jordan".</summary>
    public static string CountryWords(string region) => !InEnglish ? InLanguage(region) :
        Adjectives.TryGetValue(region, out var adjective) ? $"{Article(adjective)} {adjective} number" : $"a number in {CountryName(region)}";

    private static string CountryAdjective(string region) => !InEnglish ? InLanguage(region) :
        Adjectives.TryGetValue(region, out var adjective) ? $"{adjective} number" : $"number in {CountryName(region)}";

    private static string CountryName(string region) => Countries.Find(region).Name;

    // The English sentences word an adjective in ("a Saudi number"); a translated one says "a number in" itself and takes the
    // country's name, translated where the resource file has it. Any culture without the translation (invariant too) reads English.
    private static bool InEnglish => Localized.Text(typeof(PhoneProblems), Blank) == Blank;

    private const string Blank = "Enter a phone number.";

    private static string InLanguage(string region) => Localized.Text(typeof(PhoneProblems), CountryName(region));

    private static string Article(string word) => word.StartsWith('U') && word.Length <= 3 ? "a" : "aeiouAEIOU".Contains(word[0]) ? "an" : "a";

    private static string Quote(string text) => $"\"{(text.Length > 24 ? text[..23] + "…" : text)}\"";
}

public enum PhoneIssue { Blank, NotANumber, TooShort, TooLong, WrongLength, UnknownCountryCode, NotValid }

public sealed record PhoneVerdict(PhoneIssue Issue, string Sentence);
