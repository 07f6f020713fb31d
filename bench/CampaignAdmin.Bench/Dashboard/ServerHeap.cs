using System.Diagnostics.Tracing;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Runtime;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;

namespace CampaignAdmin.Bench.Dashboard;

/// <summary>
/// The product's managed heap seen from outside, with no hook in the product: an EventPipe session with the runtime's
/// GCHeapCollect keyword makes it run a full blocking GC (as dotnet-gcdump does) and report the heap that survived it;
/// ClrMD then walks that heap to count objects by type (Blazor's ComponentState is one per live component).
/// </summary>
internal static class ServerHeap
{
    // One per live component: the base type, or the server's subclass of it.
    private static readonly string[] ComponentStates =
        ["Microsoft.AspNetCore.Components.Rendering.ComponentState", "Microsoft.AspNetCore.Components.Server.Circuits.RemoteComponentState"];

    /// <summary>The bytes on the managed heap (all generations, LOH and POH) after an induced full GC.</summary>
    public static long CollectAndMeasure(int processId)
    {
        // Twice: the first collection queues finalizers whose objects the second one frees.
        CollectOnce(processId);
        return CollectOnce(processId);
    }

    private static long CollectOnce(int processId)
    {
        var client = new DiagnosticsClient(processId);
        var keywords = (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.GCHeapCollect);
        using var session = client.StartEventPipeSession(
            [new EventPipeProvider("Microsoft-Windows-DotNETRuntime", EventLevel.Informational, keywords)], requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        long? heap = null;
        var induced = false;
        source.Clr.GCStart += e => induced |= e.Reason == Microsoft.Diagnostics.Tracing.Parsers.Clr.GCReason.Induced && e.Depth == 2;
        source.Clr.GCHeapStats += e =>
        {
            if (!induced || heap is not null) return;
            heap = e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3 + e.GenerationSize4;
            session.Stop();
        };
        var reading = Task.Run(source.Process);
        if (!reading.Wait(TimeSpan.FromSeconds(60)) || heap is null)
            throw new TimeoutException("The product did not report an induced full GC within 60 s.");
        return heap.Value;
    }

    /// <summary>Objects by type (count, bytes). Call right after <see cref="CollectAndMeasure"/>, with the pages idle.</summary>
    public static Dictionary<string, (long Count, long Bytes)> CountByType(int processId)
    {
        // Not suspended: ClrMD's ptrace suspension once left the product stopped for good (one thread in tracing stop). The
        // circuits are idle while it reads, so the heap holds still enough for counts.
        using var target = DataTarget.AttachToProcess(processId, suspend: false);
        var heap = target.ClrVersions[0].CreateRuntime().Heap;
        var types = new Dictionary<string, (long Count, long Bytes)>();
        foreach (var item in heap.EnumerateObjects())
        {
            if (item.Type is not { IsFree: false } type) continue;
            var name = type.Name ?? "?";
            var (count, bytes) = types.GetValueOrDefault(name);
            types[name] = (count + 1, bytes + (long)item.Size);
            // Render trees by capacity as well: a tree a frame over a power of two holds an array twice its size.
            if (name == FramesArray)
            {
                var sized = $"{name} of {item.AsArray().Length}";
                (count, bytes) = types.GetValueOrDefault(sized);
                types[sized] = (count + 1, bytes + (long)item.Size);
            }
        }
        return types;
    }

    private const string FramesArray = "Microsoft.AspNetCore.Components.RenderTree.RenderTreeFrame[]";

    public static long Components(Dictionary<string, (long Count, long Bytes)> types) => ComponentStates.Sum(name => types.GetValueOrDefault(name).Count);
}
