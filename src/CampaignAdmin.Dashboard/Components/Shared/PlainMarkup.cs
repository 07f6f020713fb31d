using System.Collections.Concurrent;
using System.Net;
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

    /// <summary>A MudIcon of medium size (a toolbar's or a pager's button); the same rules as <see cref="Icon"/>.</summary>
    public static RenderFragment MediumIcon(string svg, string? extraClass = null) => builder => OpenIcon(builder, svg, extraClass, "medium");

    /// <summary>The classes of a MudIconButton of medium size (a toolbar's: Refresh, a pager's arrows).</summary>
    public static string MediumIconButtonClass(bool disabled = false, bool inherit = false) =>
        "mud-button-root mud-icon-button mud-ripple mud-ripple-icon" + (inherit ? " mud-inherit-text hover:mud-inherit-hover" : "") + (disabled ? " mud-disabled" : "");

    /// <summary>
    /// A dense outlined MudTextField's or MudSelect's frame (label on the border) around a plain <c>input</c> or
    /// <c>select</c> (<paramref name="field"/>, with the id <paramref name="id"/> and the class <see cref="FieldClass"/>).
    /// </summary>
    public static RenderFragment Outlined(string label, string id, RenderFragment field, string? style = null, RenderFragment? start = null, RenderFragment? end = null) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-input-control mud-input-control-margin-dense mud-input-outlined-with-label mud-input-input-control plain-field");
        builder.AddAttribute(2, "style", style);
        builder.OpenElement(3, "div");
        builder.AddAttribute(4, "class", "mud-input-control-input-container");
        builder.OpenElement(5, "div");
        builder.AddAttribute(6, "class", "mud-input mud-input-outlined mud-input-outlined-with-label mud-input-margin-dense mud-shrink mud-typography-subtitle1"
            + (start is null ? "" : " mud-input-adorned-start") + (end is null ? "" : " mud-input-adorned-end"));
        if (start is not null)
        {
            builder.OpenElement(7, "div");
            builder.AddAttribute(8, "class", "mud-input-adornment mud-input-adornment-start");
            builder.AddContent(9, start);
            builder.CloseElement();
        }
        builder.AddContent(10, field);
        if (end is not null)
        {
            builder.OpenElement(11, "div");
            builder.AddAttribute(12, "class", "mud-input-adornment mud-input-adornment-end");
            builder.AddContent(13, end);
            builder.CloseElement();
        }
        builder.AddMarkupContent(14, $"<fieldset class=\"mud-input-outlined-border\"><legend>{System.Net.WebUtility.HtmlEncode(label)}</legend></fieldset>");
        builder.CloseElement();
        builder.OpenElement(15, "label");
        builder.AddAttribute(16, "class", "mud-input-label mud-input-label-animated mud-input-label-outlined mud-input-label-margin-dense mud-input-label-inputcontrol");
        builder.AddAttribute(17, "for", id);
        builder.AddContent(18, label);
        builder.CloseElement();
        builder.CloseElement();
        builder.CloseElement();
    };

    /// <summary>The class of the <c>input</c> or <c>select</c> inside <see cref="Outlined"/>.</summary>
    public static string FieldClass(bool adornedStart = false) =>
        "mud-input-slot mud-input-root mud-input-root-outlined mud-input-root-margin-dense" + (adornedStart ? " mud-input-root-adorned-start" : "");

    /// <summary>MudProgressLinear's indeterminate bar (a table loading), named for assistive technology.</summary>
    public static RenderFragment Loading(string label) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-progress-linear mud-progress-linear-color-primary mud-progress-indeterminate horizontal mud-progress-linear-extra-small plain-loading");
        builder.AddAttribute(2, "role", "progressbar");
        builder.AddAttribute(3, "aria-label", label);
        builder.AddMarkupContent(4, "<div class=\"mud-progress-linear-bars\"><div class=\"mud-progress-linear-bar mud-primary mud-progress-linear-1-indeterminate\"></div><div class=\"mud-progress-linear-bar mud-primary mud-progress-linear-2-indeterminate\"></div></div>");
        builder.CloseElement();
    };

    /// <summary>The classes of a small MudIconButton (Size.Small), with its error colour and disabled look.</summary>
    public static string IconButtonClass(bool error = false, bool disabled = false) =>
        "mud-button-root mud-icon-button mud-ripple mud-ripple-icon mud-icon-button-size-small"
        + (error ? " mud-error-text hover:mud-error-hover" : "") + (disabled ? " mud-disabled" : "");

    /// <summary>
    /// <see cref="Chip"/> as HTML, for a row's cells built as one markup string (<see cref="RowMarkup"/>): the label and the
    /// attributes' values are HTML-encoded here (they may be the API's words); <paramref name="icon"/> is one of MudBlazor's <c>Icons</c>.
    /// </summary>
    public static string ChipHtml(string label, Variant variant, Color color, string? icon, params (string Name, string? Value)[] attributes)
    {
        var html = new System.Text.StringBuilder("<div class=\"mud-chip-container\"><div class=\"").Append(ChipClass(variant, color)).Append('"');
        foreach (var (name, value) in attributes)
            if (value is not null) html.Append(' ').Append(name).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
        html.Append('>');
        if (icon is not null) html.Append(IconHtml(icon, "mud-chip-icon"));
        return html.Append("<span class=\"mud-chip-content\">").Append(WebUtility.HtmlEncode(label)).Append("</span></div></div>").ToString();
    }

    /// <summary><see cref="Tip"/> as HTML around <paramref name="html"/> (already markup); none when <paramref name="text"/> is null.</summary>
    public static string TipHtml(string? text, string html) =>
        text is null ? html : $"<span class=\"tip\" data-tip=\"{WebUtility.HtmlEncode(text)}\">{html}</span>";

    /// <summary><see cref="Icon"/> as HTML; the same rules.</summary>
    public static string IconHtml(string svg, string? extraClass = null) => IconMarkup.GetOrAdd((svg, IconClass(extraClass, "small")), BuildIcon);

    /// <summary>A small MudChip (no click, no close) with an optional leading icon; <paramref name="attributes"/> go on the chip.</summary>
    public static RenderFragment Chip(string label, Variant variant, Color color, string? icon, IReadOnlyDictionary<string, object?> attributes) => builder =>
    {
        builder.OpenElement(0, "div");
        builder.AddAttribute(1, "class", "mud-chip-container");
        builder.OpenElement(2, "div");
        builder.AddAttribute(3, "class", ChipClass(variant, color));
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
    public static RenderFragment Tip(string? text, RenderFragment content) => text is null ? content : builder =>
    {
        builder.OpenElement(0, "span");
        builder.AddAttribute(1, "class", "tip");
        builder.AddAttribute(2, "data-tip", text);
        builder.AddContent(3, content);
        builder.CloseElement();
    };

    // An icon is one markup frame (the whole <svg>), not an element, five attributes and its paths: a grid row holds several,
    // and every frame stays in the component's two render trees (issue 12). The markup is built once per icon and class.
    private static readonly ConcurrentDictionary<(string Svg, string Class), string> IconMarkup = new();

    private static void OpenIcon(RenderTreeBuilder builder, string svg, string? extraClass, string size = "small") =>
        builder.AddMarkupContent(100, IconMarkup.GetOrAdd((svg, IconClass(extraClass, size)), BuildIcon));

    private static string IconClass(string? extraClass, string size) => (extraClass, size) switch
    {
        (null, "small") => "mud-icon-root mud-svg-icon mud-icon-size-small",
        (null, _) => "mud-icon-root mud-svg-icon mud-icon-size-medium",
        _ => $"mud-icon-root mud-svg-icon mud-icon-size-{size} {extraClass}",
    };

    private static readonly Func<(string Svg, string Class), string> BuildIcon = static key =>
        $"<svg class=\"{WebUtility.HtmlEncode(key.Class)}\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">{key.Svg}</svg>";

    private static readonly ConcurrentDictionary<(Variant, Color), string> ChipClasses = new();

    private static string ChipClass(Variant variant, Color color) => ChipClasses.GetOrAdd((variant, color), static key =>
        $"mud-chip mud-chip-{key.Item1.ToString().ToLowerInvariant()} mud-chip-size-small mud-chip-color-{key.Item2.ToString().ToLowerInvariant()}");
}
