using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace CampaignAdmin.Dashboard.Components.Shared;

/// <summary>
/// MudBlazor's look (its theme classes) as plain markup, for what a grid repeats on every row. A component costs a circuit
/// some KB for as long as the page is open (its state and two render trees), a MudTooltip a popover too; these fragments
/// are a few frames in the grid's own tree. Tooltips are <see cref="Tip"/>: CSS (app.css, <c>.tip</c>), no popover.
/// </summary>
public static class PlainMarkup
{
    /// <summary>
    /// A small MudIcon: the SVG, hidden from assistive technology (the button or chip it sits in is named).
    /// <paramref name="svg"/> is written as markup: only ever one of MudBlazor's <c>Icons</c> constants, never text from an API or a user.
    /// </summary>
    public static RenderFragment Icon(string svg, string? extraClass = null) => builder => OpenIcon(builder, svg, extraClass);

    /// <summary>The classes of a small MudIconButton (Size.Small), with its error colour and disabled look.</summary>
    public static string IconButtonClass(bool error = false, bool disabled = false) =>
        "mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-icon-button-size-small"
        + (error ? " mud-error-text hover:mud-error-hover" : "") + (disabled ? " mud-disabled" : "");

    /// <summary>A small MudChip (no click, no close) with an optional leading icon; <paramref name="attributes"/> go on the chip.</summary>
    public static RenderFragment Chip(string label, Variant variant, Color color, string? icon, IReadOnlyDictionary<string, object?> attributes) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-chip-container");
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class", $"mud-chip mud-chip-{variant.ToString().ToLowerInvariant()} mud-chip-size-small mud-chip-color-{color.ToString().ToLowerInvariant()}");
        foreach (var (name, value) in attributes) builder.AddAttribute(4, name, value);
        if (icon is not null) OpenIcon(builder, icon, "mud-chip-icon");
        builder.OpenElement(5, "span");
        builder.AddAttribute(6, "class", "mud-chip-content");
        builder.AddContent(7, label);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    /// <summary><paramref name="content"/> with a hover and focus tooltip; none when <paramref name="text"/> is null.</summary>
    public static RenderFragment Tip(string? text, RenderFragment content) => builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "tip");
        builder.AddAttribute(2, "data-tip", text);
        builder.AddContent(3, content);
        builder.CloseElement();
    };

    private static void OpenIcon(RenderTreeBuilder builder, string svg, string? extraClass)
    {
        builder.OpenRegion(100);
        builder.OpenElement(0, "svg");
        builder.AddAttribute(1, "class", extraClass is null ? "mud-icon-root mud-svg-icon mud-icon-size-small" : $"mud-icon-root mud-svg-icon mud-icon-size-small {extraClass}");
        builder.AddAttribute(2, "focusable", "false");
        builder.AddAttribute(3, "viewBox", "0 0 24 24");
        builder.AddAttribute(4, "aria-hidden", "true");
        builder.AddMarkupContent(5, svg);
        builder.CloseElement();
        builder.CloseRegion();
    }
}
