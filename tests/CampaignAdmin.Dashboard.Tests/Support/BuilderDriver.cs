using AngleSharp.Dom;
using Bunit;
using CampaignAdmin.Dashboard.Components.Campaigns.List;
using CampaignAdmin.Dashboard.Components.Campaigns.Detail;
using CampaignAdmin.Dashboard.Components.Campaigns.New;
using CampaignAdmin.Dashboard.Components.Templates;
using CampaignAdmin.Dashboard.Components.Layout;
using MudBlazor;

namespace CampaignAdmin.Dashboard.Tests.Support;

/// <summary>Drives the New campaign page the way a user does: by labels and visible texts.</summary>
public sealed class BuilderDriver(IRenderedComponent<NewCampaign> page, IRenderedComponent<MudPopoverProvider> popovers)
{
    public IRenderedComponent<NewCampaign> Page => page;

    public IElement NameInput => page.Find("input[data-testid=campaign-name]");
    public IElement TemplateInput => page.Find("input[data-testid=template-picker]");
    public IElement CreateButton => page.Find("button[data-testid=create-campaign]");
    /// <summary>"Can't create yet: 1 number is too short — go to row 1", white space as a person reads it.</summary>
    public string Reason => Words(page.Find("[data-testid=create-disabled-reason]").TextContent);
    public IReadOnlyList<string> Problems => page.FindAll("[data-testid=create-problem]").Select(li => Words(li.TextContent)).ToList();
    public bool CanCreate => page.FindAll("[data-testid=create-disabled-reason]").Count == 0 && !CreateButton.HasAttribute("disabled");

    private static string Words(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    public static string FieldText(IElement input) => input.Closest(".mud-input-control")!.TextContent;

    public string? Message => page.Find("textarea[data-testid=campaign-message]").GetAttribute("value");

    public string NameField => FieldText(NameInput);
    public string TemplateField => FieldText(TemplateInput);

    /// <summary>The rule (the API's exact text) under the problem shown on <paramref name="property"/>, or its text when it has no rule.</summary>
    public string? ErrorOn(string property) =>
        page.FindAll($"[data-field='{property}']").Select(e => (e.QuerySelector(".problem-rule .rule-text") ?? e).TextContent.Trim()).FirstOrDefault();

    /// <summary>The sentence for people shown on <paramref name="property"/>.</summary>
    public string? SentenceOn(string property) =>
        page.FindAll($"[data-field='{property}']").Select(e => (e.QuerySelector(".problem-sentence") ?? e).TextContent.Trim()).FirstOrDefault();

    /// <summary>A cell by its row and the start of its column's heading ("Account ID", "{{1}}" for "{{1}} customer name · John").</summary>
    public IElement Cell(int row, string column) => page.Find($"input[aria-label^='Row {row} {column}']");

    public IReadOnlyList<string> Columns => page.FindAll(".recipients th").Select(th => th.TextContent.Trim()).ToList();

    public int RowCount => page.FindAll("tr[data-row]").Count;

    /// <summary>Types the name and leaves the field, as a person moving on does.</summary>
    public void SetName(string name)
    {
        NameInput.InputSettled(name);
        NameInput.BlurSettled();
    }

    /// <summary>Types into a cell and leaves it.</summary>
    public void Type(int row, string column, string value)
    {
        Cell(row, column).InputSettled(value);
        Cell(row, column).FocusOutSettled();
    }

    /// <summary>Types into a cell and stays in it.</summary>
    public void TypeWithoutLeaving(int row, string column, string value) => Cell(row, column).InputSettled(value);

    public void Click(string buttonText) =>
        page.FindAll("button").First(b => b.TextContent.Trim() == buttonText).ClickSettled();

    public void PickTemplate(string name)
    {
        TemplateInput.InputSettled(name);
        page.WaitForAssertion(() => Assert.NotEmpty(popovers.FindAll(".mud-popover-open .mud-list-item")));
        popovers.FindAll(".mud-popover-open .mud-list-item").First(i => i.TextContent.Contains(name, StringComparison.Ordinal)).ClickSettled();
        page.WaitForAssertion(() => Assert.Equal(name, TemplateInput.GetAttribute("value")));
    }

    public void Paste(string text)
    {
        // The box's text reaches the server as a stream from the browser's script; here it arrives as the script would hand it over.
        Click("Paste rows");
        var box = page.FindComponent<PasteRows>();
        box.InvokeAsync(() => box.Instance.AddTextAsync(text)).GetAwaiter().GetResult();
    }

    /// <summary>Two valid recipients for the order confirmation template.</summary>
    public void FillTwoRecipients()
    {
        Type(1, "Account ID", "+966539078942");
        Type(1, "{{1}}", "John");
        Type(1, "{{2}}", "ORD-1");
        Click("Add row");
        Type(2, "Account ID", "+966539078944");
        Type(2, "{{1}}", "Sara");
        Type(2, "{{2}}", "ORD-2");
    }
}
