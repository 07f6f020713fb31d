using System.Globalization;

namespace CampaignAdmin.Dashboard.Text;

/// <summary>Counted nouns, said right for one and for many: "1 failed message", "2 failed messages", "1,200 campaigns".</summary>
public static class Plural
{
    /// <summary>The count (with thousands separators) and the noun; <paramref name="plural"/> for an irregular one ("entries").</summary>
    public static string Of(int count, string singular, string? plural = null) => $"{count:N0} {Noun(count, singular, plural)}";

    /// <summary>Only the noun, for a sentence that puts the count elsewhere ("Resent 1 of 2 failed messages").</summary>
    public static string Noun(int count, string singular, string? plural = null) => count == 1 ? singular : plural ?? singular + "s";

    /// <summary>
    /// <see cref="Of"/> in the page's language, for texts on the page (an audit entry keeps <see cref="Of"/>'s English). Arabic
    /// has a form for one, two, 3 to 10 and 11 or more (and 0): Resources/Text/Plural.ar.resx holds them per English noun as
    /// "one|two|few|many", each with {0} where the count goes; a noun without them is said in English.
    /// </summary>
    public static string Counted(int count, string singular, string? plural = null)
    {
        var forms = Localized.Text(typeof(Plural), singular).Split('|');
        if (forms.Length != 4) return Of(count, singular, plural);
        var form = count switch
        {
            1 => forms[0],
            2 => forms[1],
            _ when count % 100 is >= 3 and <= 10 => forms[2],
            _ => forms[3],
        };
        return string.Format(CultureInfo.CurrentCulture, form, count.ToString("N0", CultureInfo.CurrentCulture));
    }
}
