using PhoneNumbers;

namespace CampaignAdmin.Contracts.Validation;

/// <summary>Phone numbers as account IDs: normalised to E.164 with libphonenumber (docs/WIRE.md rule 9).</summary>
public static class AccountIds
{
    public const string DefaultRegion = "SA";

    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    /// <summary>The E.164 form of <paramref name="raw"/>, or <c>null</c> when it is not a valid number.</summary>
    public static string? Normalize(string? raw, string defaultRegion = DefaultRegion)
    {
        // Spreadsheet pastes bring stray spaces around a number; inside it they are fine.
        raw = raw?.Trim();
        if (string.IsNullOrEmpty(raw) || raw.Length > 32 || !LooksLikePhone(raw)) return null;
        try
        {
            var number = Util.Parse(raw, defaultRegion);
            return Util.IsValidNumber(number) ? Util.Format(number, PhoneNumberFormat.E164) : null;
        }
        catch (NumberParseException)
        {
            return null;
        }
    }

    // A cheap screen so hostile strings never reach the parser's exception path.
    private static bool LooksLikePhone(string raw)
    {
        var digits = 0;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c is >= '0' and <= '9') digits++;
            else if (c is not (' ' or '-' or '(' or ')' or '.') && !(c == '+' && i == 0)) return false;
        }
        return digits is >= 5 and <= 17;
    }
}
