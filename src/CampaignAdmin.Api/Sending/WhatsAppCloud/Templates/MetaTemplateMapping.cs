using System.Text.Json;
using CampaignAdmin.Contracts.Templates;

namespace CampaignAdmin.Api.Sending.WhatsAppCloud.Templates;

/// <summary>
/// Meta's template components as ours (<see cref="TemplateComponent"/>) and back. Components we have no type for
/// (carousels, offers) are left out; a template without a BODY text is not one our builder can send.
/// </summary>
public static class MetaTemplateMapping
{
    private static readonly string[] OurTypes = [ComponentType.Header, ComponentType.Body, ComponentType.Footer, ComponentType.Buttons];

    public static List<TemplateComponent> ToOurs(IEnumerable<MetaComponent?>? components)
    {
        var ours = new List<TemplateComponent>();
        foreach (var component in components ?? [])
        {
            var type = component?.Type?.Trim().ToUpperInvariant();
            if (component is null || type is null || !OurTypes.Contains(type)) continue;
            ours.Add(new TemplateComponent
            {
                Type = type,
                Format = component.Format?.Trim().ToUpperInvariant() ?? (type == ComponentType.Header ? HeaderFormat.Text : ""),
                Text = component.Text ?? "",
                Examples = Examples(component.Example),
                Buttons = (component.Buttons ?? []).Where(b => b?.Type is not null).Select(b => new TemplateButton
                {
                    Type = b!.Type!.Trim().ToUpperInvariant(),
                    Text = b.Text ?? "",
                    Url = b.Url ?? "",
                    PhoneNumber = b.PhoneNumber ?? "",
                    Example = FirstText(b.Example) ?? "",
                }).ToList(),
            });
        }
        return ours;
    }

    public static bool HasBody(List<TemplateComponent> components) =>
        components.Any(c => c.Is(ComponentType.Body) && !string.IsNullOrWhiteSpace(c.Text));

    /// <summary>What Meta's create takes: its component shape, examples where we have them.</summary>
    public static MetaTemplate ToMeta(CreateTemplateRequest request) => new()
    {
        Name = request.Name.Trim(),
        Language = request.Language,
        Category = request.Category.ToUpperInvariant(),
        Components = request.Creation.Select(c => (MetaComponent?)ToMeta(c)).ToList(),
    };

    private static MetaComponent ToMeta(TemplateComponent component)
    {
        var type = component.Type.ToUpperInvariant();
        var meta = new MetaComponent { Type = type };
        switch (type)
        {
            case ComponentType.Header:
                meta.Format = string.IsNullOrEmpty(component.Format) ? HeaderFormat.Text : component.Format.ToUpperInvariant();
                if (!HeaderFormat.IsMedia(meta.Format)) meta.Text = component.Text;
                if (component.Examples.Count > 0)
                    meta.Example = Json(new Dictionary<string, object>
                    {
                        [HeaderFormat.IsMedia(meta.Format) ? "header_handle" : "header_text"] = component.Examples,
                    });
                break;
            case ComponentType.Body:
                meta.Text = component.Text;
                if (component.Examples.Count > 0) meta.Example = Json(new { body_text = new[] { component.Examples } });
                break;
            case ComponentType.Footer:
                meta.Text = component.Text;
                break;
            case ComponentType.Buttons:
                meta.Buttons = component.Buttons.Select(b => (MetaButton?)ToMeta(b)).ToList();
                break;
        }
        return meta;
    }

    private static MetaButton ToMeta(TemplateButton button)
    {
        var type = button.Type.ToUpperInvariant();
        var meta = new MetaButton { Type = type, Text = type == ButtonType.CopyCode ? null : button.Text };
        if (type == ButtonType.Url)
        {
            meta.Url = button.Url;
            if (button.Example.Length > 0) meta.Example = Json(new[] { button.Example });
        }
        if (type == ButtonType.PhoneNumber) meta.PhoneNumber = button.PhoneNumber;
        if (type == ButtonType.CopyCode && button.Example.Length > 0) meta.Example = Json(button.Example);
        return meta;
    }

    /// <summary>
    /// <c>header_text</c>/<c>header_handle</c> (strings), <c>body_text</c> (its first row), or <c>body_text_named_params</c>
    /// (each <c>example</c>), in order; anything else: none.
    /// </summary>
    private static List<string> Examples(JsonElement? example)
    {
        if (example is not { ValueKind: JsonValueKind.Object } e) return [];
        foreach (var name in (string[])["header_text", "header_handle"])
            if (e.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array) return Strings(list);
        if (e.TryGetProperty("body_text", out var rows) && rows.ValueKind == JsonValueKind.Array && rows.GetArrayLength() > 0
            && rows[0].ValueKind == JsonValueKind.Array)
            return Strings(rows[0]);
        if (e.TryGetProperty("body_text_named_params", out var named) && named.ValueKind == JsonValueKind.Array)
            return named.EnumerateArray()
                .Select(p => p.ValueKind == JsonValueKind.Object && p.TryGetProperty("example", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "")
                .ToList();
        return [];
    }

    private static List<string> Strings(JsonElement array) =>
        array.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : v.ToString()).ToList();

    private static string? FirstText(JsonElement? example) => example switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Array } a when a.GetArrayLength() > 0 && a[0].ValueKind == JsonValueKind.String => a[0].GetString(),
        _ => null,
    };

    private static JsonElement Json<T>(T value) => JsonSerializer.SerializeToElement(value);
}
