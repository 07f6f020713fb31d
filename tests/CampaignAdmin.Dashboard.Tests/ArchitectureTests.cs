using System.Xml.Linq;
using CampaignAdmin.Dashboard.Hosting;

namespace CampaignAdmin.Dashboard.Tests;

/// <summary>The dashboard talks to a Campaign API only through the Refit client: it cannot even see the API's types.</summary>
public sealed class ArchitectureTests
{
    [Fact]
    public void TheDashboardAssemblyDoesNotReferenceTheApi()
    {
        var references = typeof(DashboardHosting).Assembly.GetReferencedAssemblies().Select(a => a.Name).ToList();
        Assert.Contains("CampaignAdmin.Client", references);
        Assert.DoesNotContain("CampaignAdmin.Api", references);
    }

    [Fact]
    public void NoProjectTheDashboardBuildsOnReferencesTheApi()
    {
        var reached = ProjectsReachedFrom(Path.Combine(RepositoryRoot(), "src", "CampaignAdmin.Dashboard", "CampaignAdmin.Dashboard.csproj"));
        Assert.Equal(["CampaignAdmin.Client", "CampaignAdmin.Contracts", "CampaignAdmin.Dashboard", "CampaignAdmin.Import", "CampaignAdmin.ServiceDefaults"],
            reached.Order().ToArray());
    }

    [Fact]
    public void OnlyTheCompositionRootReferencesBothTheDashboardAndTheApi()
    {
        var src = Path.Combine(RepositoryRoot(), "src");
        var both = Directory.GetFiles(src, "*.csproj", SearchOption.AllDirectories)
            .Where(p => ProjectsReachedFrom(p) is var r && r.Contains("CampaignAdmin.Api") && r.Contains("CampaignAdmin.Dashboard"))
            .Select(Path.GetFileNameWithoutExtension);
        Assert.Equal(["CampaignAdmin.Web"], both);
    }

    private static HashSet<string> ProjectsReachedFrom(string project)
    {
        var reached = new HashSet<string>();
        var pending = new Stack<string>([Path.GetFullPath(project)]);
        while (pending.TryPop(out var path))
        {
            if (!reached.Add(Path.GetFileNameWithoutExtension(path))) continue;
            foreach (var reference in XDocument.Load(path).Descendants("ProjectReference"))
            {
                var include = reference.Attribute("Include")!.Value.Replace('\\', Path.DirectorySeparatorChar);
                pending.Push(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, include)));
            }
        }
        return reached;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "CampaignAdmin.sln"))) return dir.FullName;
        throw new InvalidOperationException("CampaignAdmin.sln not found above " + AppContext.BaseDirectory);
    }
}
