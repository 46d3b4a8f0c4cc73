using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace SocketBufferAnalyzers.ConformanceTests
{
    /// <summary>
    /// Model-versus-kernel rows for one test. Every row is written to the test output; if any row disagrees the
    /// test fails with the whole table (model and kernel side by side) and the host's profile.
    /// </summary>
    internal sealed class Comparison
    {
        private readonly ITestOutputHelper output;
        private readonly List<(string What, string Model, string Kernel, bool Ok)> rows = new();
        private readonly List<string> notes = new();

        public Comparison(ITestOutputHelper output, string title)
        {
            this.output = output;
            Title = title;
        }

        public string Title { get; }

        /// <summary>The kernel must show exactly the model's number.</summary>
        public void Equal(string what, long model, long kernel) => Add(what, N(model), N(kernel), model == kernel);

        public void Equal(string what, bool model, bool kernel) => Add(what, model ? "yes" : "no", kernel ? "yes" : "no", model == kernel);

        /// <summary>A bound or relation the model implies; <paramref name="model"/> says what was expected ("&gt; 131072").</summary>
        public void Check(string what, string model, long kernel, bool ok) => Add(what, model, N(kernel), ok);

        public void Check(string what, string model, string kernel, bool ok) => Add(what, model, kernel, ok);

        /// <summary>A measured figure shown for information (no expectation).</summary>
        public void Note(string text) => notes.Add(text);

        /// <summary>Writes the table and fails the test when a row disagrees.</summary>
        public void Verify()
        {
            var table = Render();
            output.WriteLine(table);
            var failed = rows.Where(r => !r.Ok).ToList();
            if (failed.Count > 0)
            {
                throw new XunitException(
                    failed.Count + " of " + rows.Count + " model-versus-kernel checks disagree ("
                    + string.Join("; ", failed.Select(r => r.What + ": model " + r.Model + ", kernel " + r.Kernel)) + ")"
                    + Environment.NewLine + table);
            }
        }

        public static string N(long value) => value.ToString(CultureInfo.InvariantCulture);

        private void Add(string what, string model, string kernel, bool ok) => rows.Add((what, model, kernel, ok));

        private string Render()
        {
            var whatWidth = Math.Max(5, rows.Count == 0 ? 0 : rows.Max(r => r.What.Length));
            var modelWidth = Math.Max(5, rows.Count == 0 ? 0 : rows.Max(r => r.Model.Length));
            var kernelWidth = Math.Max(6, rows.Count == 0 ? 0 : rows.Max(r => r.Kernel.Length));
            var text = new StringBuilder();
            text.AppendLine(Title);
            text.AppendLine("host: " + Host.Kernel.Summary());
            text.AppendLine("  " + "check".PadRight(whatWidth) + "  " + "model".PadLeft(modelWidth) + "  " + "kernel".PadLeft(kernelWidth));
            foreach (var (what, model, kernel, ok) in rows)
            {
                text.AppendLine("  " + what.PadRight(whatWidth) + "  " + model.PadLeft(modelWidth) + "  " + kernel.PadLeft(kernelWidth) + (ok ? "" : "   <- DIFFERS"));
            }

            foreach (var note in notes)
            {
                text.AppendLine("  note: " + note);
            }

            return text.ToString().TrimEnd();
        }
    }
}
