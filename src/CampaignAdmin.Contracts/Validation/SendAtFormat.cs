using System.Globalization;
using System.Text.RegularExpressions;

namespace CampaignAdmin.Contracts.Validation;

/// <summary>ISO 8601 date-times that carry an offset (<c>Z</c> or <c>±hh:mm</c>); one without is ambiguous.</summary>
public static partial class SendAtFormat
{
    // \z, not $: $ also matches before a final newline.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:?\d{2})\z", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Shape();

    public static bool TryParse(string? value, out DateTimeOffset sendAt)
    {
        sendAt = default;
        return !string.IsNullOrEmpty(value)
               && value.Length <= 40
               && Shape().IsMatch(value)
               && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out sendAt);
    }

    public static bool IsValid(string? value) => TryParse(value, out _);

    /// <summary>The ISO 8601 text for a local time in a zone, as the dashboard sends it: <c>2025-03-03T14:32:25+03:00</c>.</summary>
    public static string Format(DateTimeOffset value) =>
        value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
}
