using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace SocialInnovation.Server.Artifacts;

/// <summary>
/// Walks a ZIP-based file (ZIP, PPTX, APK) without trusting what it declares: entries are counted as they
/// are read from the central directory, and every entry is really inflated — from its local header, into
/// nothing — counting the bytes it produces, so an archive that lies about its sizes (or whose entries
/// overlap, to reuse one compressed block many times) is refused as soon as the real total passes the
/// limit. <see cref="ZipArchive"/> is not used for this: it stops inflating an entry at its declared size,
/// which hides the lie from this check but not from whoever unpacks the file later with another tool.
/// </summary>
public static class ArchiveInspector
{
    /// <summary>The entry names when the archive passed, else why it was refused.</summary>
    public sealed record Result(IReadOnlyList<string> Names, string? Refusal);

    private const uint EndOfDirectory = 0x06054b50, Zip64Locator = 0x07064b50, Zip64End = 0x06064b50, DirectoryEntry = 0x02014b50, LocalHeader = 0x04034b50;

    private sealed record Entry(string Name, ushort Method, long Compressed, long LocalOffset);

    public static async Task<Result> Inspect(Stream file, int maxEntries, long maxUncompressed, CancellationToken cancel = default)
    {
        try
        {
            var (entries, tooMany) = await ReadDirectory(file, maxEntries, cancel);
            if (tooMany) return new([], $"The archive holds more than {maxEntries} files; at most {maxEntries} are accepted.");
            long unpacked = 0;
            var sink = new byte[81920];
            foreach (var entry in entries)
            {
                var header = await ReadAt(file, entry.LocalOffset, 30, cancel);
                if (BinaryPrimitives.ReadUInt32LittleEndian(header) != LocalHeader) return Damaged;
                var dataStart = entry.LocalOffset + 30 + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(26)) + BinaryPrimitives.ReadUInt16LittleEndian(header.AsSpan(28));
                if (dataStart + entry.Compressed > file.Length) return Damaged;
                if (entry.Method is not (0 or 8)) return new([], "The archive uses a compression method that is not accepted (only stored and deflate).");
                file.Position = dataStart;
                await using Stream content = entry.Method == 0
                    ? new Window(file, entry.Compressed)
                    : new DeflateStream(new Window(file, entry.Compressed), CompressionMode.Decompress, leaveOpen: true);
                int read;
                while ((read = await content.ReadAsync(sink, cancel)) > 0)
                {
                    unpacked += read;
                    if (unpacked > maxUncompressed)
                        return new([], $"The archive would unpack to more than {maxUncompressed / (1024 * 1024)} MB.");
                }
            }
            return new(entries.Select(e => e.Name).ToList(), null);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentOutOfRangeException or OverflowException)
        {
            return Damaged;
        }
    }

    private static readonly Result Damaged = new([], "The archive is damaged.");

    /// <summary>The central directory's entries, counted as they are read (the count the archive declares is not trusted either).</summary>
    private static async Task<(List<Entry> Entries, bool TooMany)> ReadDirectory(Stream file, int maxEntries, CancellationToken cancel)
    {
        // The end record is in the last 22 bytes plus a comment of up to 64 KB.
        var tailLength = (int)Math.Min(file.Length, 22 + 65535);
        var tail = await ReadAt(file, file.Length - tailLength, tailLength, cancel);
        var end = -1;
        for (var i = tail.Length - 22; i >= 0 && end < 0; i--)
            if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) == EndOfDirectory) end = i;
        if (end < 0) throw new InvalidDataException();
        long size = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 12));
        long offset = BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end + 16));
        if ((size == uint.MaxValue || offset == uint.MaxValue) && end >= 20 && BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(end - 20)) == Zip64Locator)
        {
            var zip64 = await ReadAt(file, checked((long)BinaryPrimitives.ReadUInt64LittleEndian(tail.AsSpan(end - 12))), 56, cancel);
            if (BinaryPrimitives.ReadUInt32LittleEndian(zip64) != Zip64End) throw new InvalidDataException();
            size = checked((long)BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(40)));
            offset = checked((long)BinaryPrimitives.ReadUInt64LittleEndian(zip64.AsSpan(48)));
        }
        if (offset + size > file.Length || size > int.MaxValue) throw new InvalidDataException();
        var directory = await ReadAt(file, offset, (int)size, cancel);

        var entries = new List<Entry>();
        for (var at = 0; at + 46 <= directory.Length && BinaryPrimitives.ReadUInt32LittleEndian(directory.AsSpan(at)) == DirectoryEntry;)
        {
            if (entries.Count == maxEntries) return (entries, true);
            var record = directory.AsSpan(at);
            var method = BinaryPrimitives.ReadUInt16LittleEndian(record[10..]);
            long compressed = BinaryPrimitives.ReadUInt32LittleEndian(record[20..]);
            long uncompressed = BinaryPrimitives.ReadUInt32LittleEndian(record[24..]);
            int nameLength = BinaryPrimitives.ReadUInt16LittleEndian(record[28..]), extraLength = BinaryPrimitives.ReadUInt16LittleEndian(record[30..]);
            int commentLength = BinaryPrimitives.ReadUInt16LittleEndian(record[32..]);
            long local = BinaryPrimitives.ReadUInt32LittleEndian(record[42..]);
            var name = Encoding.UTF8.GetString(record.Slice(46, nameLength));
            Zip64Sizes(record.Slice(46 + nameLength, extraLength), ref uncompressed, ref compressed, ref local);
            entries.Add(new Entry(name, method, compressed, local));
            at += 46 + nameLength + extraLength + commentLength;
        }
        return (entries, false);
    }

    /// <summary>The zip64 extra field holds, in this order, whichever of the three sizes did not fit in 32 bits.</summary>
    private static void Zip64Sizes(ReadOnlySpan<byte> extra, ref long uncompressed, ref long compressed, ref long local)
    {
        for (var i = 0; i + 4 <= extra.Length;)
        {
            int id = BinaryPrimitives.ReadUInt16LittleEndian(extra[i..]), length = BinaryPrimitives.ReadUInt16LittleEndian(extra[(i + 2)..]);
            if (id == 1)
            {
                var field = extra.Slice(i + 4, length);
                var at = 0;
                if (uncompressed == uint.MaxValue) { uncompressed = checked((long)BinaryPrimitives.ReadUInt64LittleEndian(field[at..])); at += 8; }
                if (compressed == uint.MaxValue) { compressed = checked((long)BinaryPrimitives.ReadUInt64LittleEndian(field[at..])); at += 8; }
                if (local == uint.MaxValue) local = checked((long)BinaryPrimitives.ReadUInt64LittleEndian(field[at..]));
                return;
            }
            i += 4 + length;
        }
    }

    private static async Task<byte[]> ReadAt(Stream file, long offset, int count, CancellationToken cancel)
    {
        if (offset < 0 || offset + count > file.Length) throw new InvalidDataException();
        file.Position = offset;
        var bytes = new byte[count];
        await file.ReadExactlyAsync(bytes, cancel);
        return bytes;
    }

    /// <summary>At most <c>length</c> bytes of the underlying stream from its current position: one entry's compressed data.</summary>
    private sealed class Window(Stream inner, long length) : Stream
    {
        private readonly long _length = length;
        private long _left = length;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => _length;
        public override long Position { get => _length - _left; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer, offset, count).GetAwaiter().GetResult();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_left <= 0) return 0;
            var read = await inner.ReadAsync(buffer[..(int)Math.Min(buffer.Length, _left)], cancellationToken);
            _left -= read;
            return read;
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
