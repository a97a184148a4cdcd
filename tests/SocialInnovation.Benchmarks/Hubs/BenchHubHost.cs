using System.Text.Json;
using Azure.Storage.Blobs;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SocialInnovation.Benchmarks.Hubs;

/// <summary>
/// Starts the bare hub (<paramref name="storage"/> null) or the naive hub (each change written to a
/// blob before it is broadcast). A change is <c>POST /streams/{stream}/changes</c> with the payload as
/// body; it answers the change's position once it is (stored and) sent.
/// </summary>
public static class BenchHubHost
{
    public static async Task<WebApplication> Start(string url, string? storage)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSignalR();
        BlobContainerClient? container = null;
        if (storage is not null)
        {
            container = new BlobServiceClient(storage).GetBlobContainerClient($"naive-{Guid.NewGuid():N}");
            await container.CreateAsync();
        }
        builder.Services.AddSingleton(sp => new StreamLog(sp.GetRequiredService<Microsoft.AspNetCore.SignalR.IHubContext<BenchHub>>(), container));
        builder.Services.AddVotes(container);
        var app = builder.Build();
        app.UseWebSockets();
        app.MapHub<BenchHub>("/hubs/camp");
        app.MapPost("/streams/{stream}/changes", async (string stream, JsonElement payload, StreamLog log) =>
        {
            var (epoch, seq) = await log.Append(stream, "Changed", payload);
            return TypedResults.Ok(new { epoch, seq });
        });
        app.MapVotes();
        await app.StartAsync();
        return app;
    }
}
