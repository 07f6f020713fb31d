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
