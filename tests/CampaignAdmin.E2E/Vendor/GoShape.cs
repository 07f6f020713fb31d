namespace CampaignAdmin.E2E.Vendor;

/// <summary>
/// How the Go-shaped double writes what it answers: the same service with its structs tagged or typed another way.
/// <see cref="Plain"/> is the document's untagged structs; the others are what one Go tag or type change would make.
/// </summary>
public sealed record GoShape(string Name)
{
    /// <summary>Every field name in camelCase (<c>id</c>, <c>accountID</c>, <c>params</c>), as the document's examples spell them.</summary>
    public bool CamelCaseNames { get; init; }

    /// <summary>Errors as <c>{"error":"…"}</c> (application/json) instead of <c>http.Error</c>'s <c>"message\n"</c> text.</summary>
    public bool ErrorsAsJson { get; init; }

    /// <summary>Every <c>Status</c> value in lower case (<c>processing</c>, <c>failed</c>, <c>read</c>, <c>approved</c>).</summary>
    public bool LowerCaseStatuses { get; init; }

    /// <summary>Every number written as a JSON string (<c>"ID":"1"</c>, Go's <c>json:",string"</c>); a template's Compose a string in one template.</summary>
    public bool NumbersAsStrings { get; init; }

    /// <summary>Today's double: PascalCase names verbatim, <c>http.Error</c> text, its mixed-case words.</summary>
    public static GoShape Plain { get; } = new(nameof(Plain));

    public static GoShape JsonErrors { get; } = new(nameof(JsonErrors)) { ErrorsAsJson = true, LowerCaseStatuses = true };

    public static GoShape CamelCase { get; } = new(nameof(CamelCase)) { CamelCaseNames = true };

    public static GoShape Numbers { get; } = new(nameof(Numbers)) { NumbersAsStrings = true };

    public static IReadOnlyList<GoShape> All { get; } = [Plain, JsonErrors, CamelCase, Numbers];

    /// <summary>A shape by its name, for <c>[InlineData("CamelCase")]</c>.</summary>
    public static GoShape Named(string name) => All.Single(shape => shape.Name == name);

    public override string ToString() => Name;
}
