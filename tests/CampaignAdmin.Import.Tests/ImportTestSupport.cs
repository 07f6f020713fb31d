using CampaignAdmin.Contracts.Templates;
using CampaignAdmin.Import.Reading;

namespace CampaignAdmin.Import.Tests;

internal static class Samples
{
    public static SheetTable Read(string name)
    {
        using var stream = File.OpenRead(Path.Combine(AppContext.BaseDirectory, "Samples", name));
        return SheetReader.Read(stream, name);
    }

    /// <summary>order_confirmation's two body variables.</summary>
    public static List<TemplateVariable> TwoBodyVariables { get; } =
    [
        new() { Slot = 1, Kind = VariableKind.Body, Label = "Body {{1}}", Example = "John" },
        new() { Slot = 2, Kind = VariableKind.Body, Label = "Body {{2}}", Example = "ORD-12345" },
    ];
}
