using System.Text.RegularExpressions;
using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Import.Recipients;

/// <summary>Where a template variable's value comes from: a column of the file, or one fixed value for every row.</summary>
public sealed record ColumnSource(int? Column, string? FixedValue)
{
    public static ColumnSource FromColumn(int column) => new(column, null);

    public static ColumnSource Fixed(string value) => new(null, value);

    public static ColumnSource Unmapped { get; } = new(null, null);

    public bool IsMapped => Column is not null || FixedValue is not null;
}

/// <summary>Which column holds the phone number, and where each template variable (in slot order) comes from.</summary>
public sealed record ColumnMapping(int? AccountIdColumn, IReadOnlyList<ColumnSource> Variables)
{
    public bool IsComplete => AccountIdColumn is not null && Variables.All(v => v.IsMapped);
}

/// <summary>Matches a file's headers to "Account ID" and the template's variables, the way a person would read them.</summary>
public static partial class ColumnMatcher
{
    private static readonly string[] AccountIdNames =
        ["accountid", "account", "phone", "phonenumber", "mobile", "mobilenumber", "msisdn", "number", "whatsapp", "whatsappnumber", "to", "رقم", "الجوال", "رقمالجوال", "الهاتف", "رقمالهاتف"];

    public static ColumnMapping AutoMap(IReadOnlyList<string> headers, IReadOnlyList<TemplateVariable> variables)
    {
        var keys = headers.Select(Key).ToList();
        var used = new HashSet<int>();
        int? Take(Func<string, bool> match)
        {
            for (var i = 0; i < keys.Count; i++)
                if (!used.Contains(i) && match(keys[i])) { used.Add(i); return i; }
            return null;
        }

        var accountId = Take(k => AccountIdNames.Contains(k));
        var sources = variables.Select(variable =>
        {
            var label = Key(variable.Label);
            var token = Variables.Token().Match(variable.Label) is { Success: true } m ? m.Groups[1].Value : variable.Slot.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var column = Take(k => k == label)
                         ?? Take(k => k == Key($"{{{{{variable.Slot}}}}}") || k == $"param{variable.Slot}" || k == $"var{variable.Slot}" || k == $"variable{variable.Slot}")
                         ?? (variable.Kind == VariableKind.Body ? Take(k => k == $"body{token}") : null);
            return column is { } c ? ColumnSource.FromColumn(c) : ColumnSource.Unmapped;
        }).ToList();
        return new ColumnMapping(accountId, sources);
    }

    /// <summary>"Body {{1}}", "body_1", "BODY 1" and "{{1}}" all compare as letters and digits only.</summary>
    public static string Key(string text) => NonWord().Replace(text.ToLowerInvariant(), "");

    [GeneratedRegex(@"[^\p{L}\p{Nd}]")]
    private static partial Regex NonWord();
}
