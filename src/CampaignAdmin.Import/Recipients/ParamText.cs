using System.Text.RegularExpressions;

namespace CampaignAdmin.Import.Recipients;

/// <summary>
/// A value as WhatsApp will take it for a template variable. The Campaign API stores any text (docs/WIRE.md has no rule on
/// it), but WhatsApp refuses a text parameter with a line break or a tab (error 132018), so a message would fail at send
/// time. A line break in a quoted cell ("Layla⏎Hassan") becomes one space, and the import says how many values it changed.
/// </summary>
public static partial class ParamText
{
    public static string OneLine(string value) =>
        value.AsSpan().IndexOfAny('\r', '\n', '\t') < 0 ? value : Breaks().Replace(value, " ");

    [GeneratedRegex(@" *[\r\n\t][\r\n\t ]*")]
    private static partial Regex Breaks();
}
