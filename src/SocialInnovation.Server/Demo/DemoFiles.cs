using System.IO.Compression;
using System.Text;

namespace SocialInnovation.Server.Demo;

/// <summary>Small real files for the demo: a one-page PDF deck and a PNG mock-up, made in code so the repository holds no binaries.</summary>
public static class DemoFiles
{
    /// <summary>A valid one-page PDF with a title and two lines of text (Helvetica, so any viewer shows it).</summary>
    public static byte[] PitchDeck(string team, string line1, string line2)
    {
        var text = $"BT /F1 28 Tf 60 700 Td ({Escape(team)}) Tj /F1 16 Tf 0 -48 Td ({Escape(line1)}) Tj 0 -28 Td ({Escape(line2)}) Tj ET";
        string[] objects =
        [
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 842 595] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            $"<< /Length {Encoding.ASCII.GetByteCount(text)} >>\nstream\n{text}\nendstream",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
        ];
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Encoding.ASCII.GetByteCount(pdf.ToString()));
            pdf.Append($"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Encoding.ASCII.GetByteCount(pdf.ToString());
        pdf.Append($"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var offset in offsets) pdf.Append($"{offset:D10} 00000 n \n");
        pdf.Append($"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.ASCII.GetBytes(pdf.ToString());
    }

    private static string Escape(string s) => new string(s.Where(c => c < 128).ToArray()).Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)");

    /// <summary>A 320×200 PNG "phone screen" mock-up: a coloured header bar, three list rows and a button.</summary>
    public static byte[] MockupPng(byte r, byte g, byte b)
    {
        const int width = 320, height = 200;
        var raw = new byte[height * (width * 3 + 1)];
        for (var y = 0; y < height; y++)
        {
            var row = y * (width * 3 + 1);
            for (var x = 0; x < width; x++)
            {
                var (pr, pg, pb) = y < 36 ? (r, g, b)
                    : y is > 50 and < 150 && (y - 50) % 34 < 26 && x is > 16 and < 304 ? ((byte)236, (byte)240, (byte)244)
                    : y is > 160 and < 188 && x is > 200 and < 304 ? (r, g, b)
                    : ((byte)255, (byte)255, (byte)255);
                raw[row + 1 + x * 3] = pr;
                raw[row + 2 + x * 3] = pg;
                raw[row + 3 + x * 3] = pb;
            }
        }
        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bit depth
        header[9] = 2; // truecolour
        Chunk(png, "IHDR", header);
        using (var data = new MemoryStream())
        {
            using (var zlib = new ZLibStream(data, CompressionLevel.Optimal, leaveOpen: true)) zlib.Write(raw);
            Chunk(png, "IDAT", data.ToArray());
        }
        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        png.Write(length);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        var crc = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        png.Write(crc);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
