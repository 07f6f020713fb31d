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
        var columns = new HeaderColumns(headers.Select(Key));
        var accountId = columns.Take(AccountIdNames);
        var sources = variables.Select(variable =>
        {
            var slot = variable.Slot.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var token = Variables.Token().Match(variable.Label) is { Success: true } m ? m.Groups[1].Value : slot;
            var column = columns.Take([Key(variable.Label)])
                         ?? columns.Take([Key($"{{{{{slot}}}}}"), $"param{slot}", $"var{slot}", $"variable{slot}"])
                         ?? (variable.Kind == VariableKind.Body ? columns.Take([$"body{token}"]) : null);
            return column is { } c ? ColumnSource.FromColumn(c) : ColumnSource.Unmapped;
        }).ToList();
        return new ColumnMapping(accountId, sources);
    }

    /// <summary>"Body {{1}}", "body_1", "BODY 1" and "{{1}}" all compare as letters and digits only.</summary>
    public static string Key(string text) => NonWord().Replace(text.ToLowerInvariant(), "");

    [GeneratedRegex(@"[^\p{L}\p{Nd}]")]
    private static partial Regex NonWord();
}

/// <summary>
/// A file's header keys by value, each with its columns not yet taken, leftmost first: finding a variable's column costs the
/// same however wide the file is (a person's sheet, or one line of a million commas).
/// </summary>
internal sealed class HeaderColumns
{
    private readonly Dictionary<string, Queue<int>> _free = new(StringComparer.Ordinal);

    public HeaderColumns(IEnumerable<string> keys)
    {
        var index = 0;
        foreach (var key in keys)
        {
            if (!_free.TryGetValue(key, out var columns)) _free[key] = columns = new Queue<int>();
            columns.Enqueue(index++);
        }
    }

    /// <summary>Takes the leftmost free column whose key is one of <paramref name="keys"/>.</summary>
    public int? Take(IEnumerable<string> keys)
    {
        Queue<int>? best = null;
        foreach (var key in keys)
            if (_free.TryGetValue(key, out var columns) && columns.Count > 0 && (best is null || columns.Peek() < best.Peek())) best = columns;
        return best?.Dequeue();
    }
}
