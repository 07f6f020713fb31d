using System.Text.Json;
using System.Text.Json.Nodes;

namespace CampaignAdmin.Contracts.Templates;

/// <summary>
/// Derives a template's send JSON (<c>Compose</c>) and its flat variable list from its components: a media
/// header takes one param (its link), then the text-header variable, then the BODY variables, then each dynamic
/// URL-button suffix and each copy-code button (docs/WIRE.md).
/// </summary>
public static class TemplateComposer
{
    public static (string Compose, List<TemplateVariable> Variables) Compose(string name, string language, IReadOnlyList<TemplateComponent> creation)
    {
        var variables = new List<TemplateVariable>();
        var components = new JsonArray();

        string Next(string kind, string label, string example, string meaning = "")
        {
            var slot = variables.Count + 1;
            variables.Add(new TemplateVariable { Slot = slot, Kind = kind, Label = label, Example = example, Meaning = meaning });
            return $"{{{{{slot}}}}}";
        }

        var header = creation.FirstOrDefault(c => c.Is(ComponentType.Header));
        if (header is not null)
        {
            var format = header.Format.ToUpperInvariant();
            if (HeaderFormat.IsMedia(format))
            {
                var kind = format.ToLowerInvariant();
                var link = Next(VariableKind.HeaderMedia, $"Header {kind} URL", header.Examples.FirstOrDefault() ?? "");
                components.Add(Component("header", Parameter(kind, new JsonObject { ["link"] = link })));
            }
            else if (Variables.Distinct(header.Text, 1) is [var token])
            {
                var text = Next(VariableKind.HeaderText, $"Header {{{{{token}}}}}", header.Examples.FirstOrDefault() ?? "", header.Labels.FirstOrDefault() ?? "");
                components.Add(Component("header", TextParameter(text)));
            }
        }

        var body = creation.FirstOrDefault(c => c.Is(ComponentType.Body));
        if (body is not null)
        {
            var tokens = Variables.Distinct(body.Text);
            if (tokens.Count > 0)
            {
                var parameters = tokens.Select((token, i) =>
                    (JsonNode)TextParameter(Next(VariableKind.Body, $"Body {{{{{token}}}}}", At(body.Examples, i), At(body.Labels, i)))).ToArray();
                components.Add(Component("body", parameters));
            }
        }

        var buttons = creation.FirstOrDefault(c => c.Is(ComponentType.Buttons))?.Buttons ?? [];
        for (var index = 0; index < buttons.Count; index++)
        {
            var button = buttons[index];
            if (button.Is(ButtonType.Url) && HasVariable(button.Url))
            {
                var suffix = Next(VariableKind.UrlButton, $"Button {index + 1} URL suffix", button.Example);
                components.Add(Button("url", index, TextParameter(suffix)));
            }
            else if (button.Is(ButtonType.CopyCode))
            {
                var code = Next(VariableKind.CopyCode, $"Button {index + 1} coupon code", button.Example);
                components.Add(Button("copy_code", index, new JsonObject { ["type"] = "coupon_code", ["coupon_code"] = code }));
            }
        }

        var compose = new JsonObject
        {
            ["to"] = "<accountID>",
            ["type"] = "template",
            ["template"] = new JsonObject
            {
                ["namespace"] = "<namespace>",
                ["language"] = new JsonObject { ["policy"] = "deterministic", ["code"] = language },
                ["name"] = name,
                ["components"] = components,
            },
        };
        return (compose.ToJsonString(Wire.CampaignJson.Options), variables);
    }

    /// <summary>
    /// How many slots <see cref="Compose"/> would give <paramref name="creation"/>, counting no further than
    /// <paramref name="max"/>: the template rules check it before anything is built (docs/EXTENSIONS.md T6).
    /// </summary>
    public static int CountVariables(IReadOnlyList<TemplateComponent> creation, int max, CancellationToken cancellationToken = default)
    {
        var header = creation.FirstOrDefault(c => c.Is(ComponentType.Header));
        var count = header is null ? 0
            : HeaderFormat.IsMedia(header.Format.ToUpperInvariant()) || HasVariable(header.Text) ? 1
            : 0;
        var body = creation.FirstOrDefault(c => c.Is(ComponentType.Body));
        if (body is not null && count < max) count += Variables.CountDistinct(body.Text, max - count, cancellationToken);
        foreach (var button in creation.FirstOrDefault(c => c.Is(ComponentType.Buttons))?.Buttons ?? [])
        {
            if (count >= max) break;
            if ((button.Is(ButtonType.Url) && HasVariable(button.Url)) || button.Is(ButtonType.CopyCode)) count++;
        }
        return Math.Min(count, max);
    }

    private static bool HasVariable(string? text) => Variables.Distinct(text, 1).Count > 0;

    private static string At(IReadOnlyList<string> list, int index) => index < list.Count ? list[index] : "";

    private static JsonObject Component(string type, params JsonNode[] parameters) =>
        new() { ["type"] = type, ["parameters"] = new JsonArray(parameters) };

    private static JsonObject Button(string subType, int index, JsonNode parameter) => new()
    {
        ["type"] = "button",
        ["sub_type"] = subType,
        ["index"] = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["parameters"] = new JsonArray(parameter),
    };

    private static JsonObject Parameter(string type, JsonNode value) => new() { ["type"] = type, [type] = value };

    private static JsonObject TextParameter(string text) => new() { ["type"] = "text", ["text"] = text };

    /// <summary>Whether <paramref name="json"/> parses as JSON; the dashboard's "Advanced" override checks it.</summary>
    public static bool IsJson(string json)
    {
        try
        {
            using var _ = JsonDocument.Parse(json);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
