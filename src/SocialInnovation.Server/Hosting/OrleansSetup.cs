using System.Net;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Orleans.Configuration;
using SocialInnovation.Grains.Common;

namespace SocialInnovation.Server.Hosting;

/// <summary>The silo that shares this process with the web server.</summary>
public static class OrleansSetup
{
    public static void AddCampSilo(this WebApplicationBuilder builder, PlatformSettings settings)
    {
        builder.UseOrleans(silo =>
        {
            silo.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = settings.ClusterId;
                o.ServiceId = settings.ServiceId;
            });

            if (string.Equals(settings.Clustering, "AzureTable", StringComparison.OrdinalIgnoreCase))
            {
                silo.UseAzureStorageClustering(o => o.TableServiceClient = new TableServiceClient(settings.StorageConnectionString));
                silo.ConfigureEndpoints(IPAddress.Parse(settings.AdvertisedIp), settings.SiloPort, settings.GatewayPort, listenOnAnyHostAddress: true);
                silo.Configure<ClusterMembershipOptions>(o =>
                {
                    // Defaults (5 s probes, 3 missed) take ~6-15 s to declare a killed silo dead, and
                    // until then every call routed to it waits and fails. 1 s probes with 3 misses
                    // declare it dead in ~2-3 s (a killed process refuses connections at once).
                    // False evictions on a busy machine are kept away by what Orleans already does:
                    // the effective timeout adapts to observed probe times (up to 4x), is extended
                    // while this silo itself is degraded, a suspicion is confirmed through another
                    // silo (indirect probe), a connection still carrying messages suppresses a vote, and two
                    // votes are needed. deploy/fault.sh measures it.
                    o.ProbeTimeout = settings.ProbeTimeout;
                    o.NumMissedProbesLimit = settings.MissedProbesLimit;
                });
            }
            else
            {
                silo.UseLocalhostClustering(settings.SiloPort, settings.GatewayPort);
            }

            silo.AddAzureBlobGrainStorage(StorageNames.State, o =>
            {
                o.BlobServiceClient = new BlobServiceClient(settings.StorageConnectionString);
                o.ContainerName = settings.StateContainer;
                o.GrainStorageSerializer = new JsonStateSerializer();
            });
            // People in a table of their own (one per state container, as the reminders), the new people
            // of one invite created in one transaction; people stored before it are read from the blobs.
            silo.Services.AddKeyedSingleton<Orleans.Storage.IGrainStorage>(StorageNames.People, (sp, _) => new TablePeopleStorage(
                new TableClient(settings.StorageConnectionString, TableName("people", settings.StateContainer)),
                sp.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(StorageNames.State),
                sp.GetRequiredService<ILogger<TablePeopleStorage>>()));
            // Small states on a hot write path (the camp's) as one row each: a conditional row update costs a
            // fraction of a conditional blob write. States stored before are read from the blobs.
            silo.Services.AddKeyedSingleton<Orleans.Storage.IGrainStorage>(StorageNames.Rows, (sp, _) => new TableGrainStorage(
                new TableClient(settings.StorageConnectionString, TableName("state", settings.StateContainer)),
                sp.GetRequiredKeyedService<Orleans.Storage.IGrainStorage>(StorageNames.State)));
            // Reminders wake the mail outbox and the selection's deadlines after a restart. One table per
            // state container, so deployments (and test runs) sharing a storage account keep to their own.
            silo.UseAzureTableReminderService(o =>
            {
                o.TableServiceClient = new TableServiceClient(settings.StorageConnectionString);
                o.TableName = TableName("reminders", settings.StateContainer);
            });
        });
    }

    /// <summary>A table name of the prefix and the state container's letters and digits (at most 63 characters).</summary>
    private static string TableName(string prefix, string container)
    {
        var name = prefix + new string(container.Where(char.IsAsciiLetterOrDigit).ToArray());
        return name.Length > 63 ? name[..63] : name;
    }
}
