/* The trend chart of stats/stats.html, drawn with the vendored Chart.js from the JSON
   data island #stats-chart-data (no inline script: the Content-Security-Policy forbids it).
   Dark bars are certain; striped bars on top are what imprecise records may add. */
(function () {
  "use strict";
  var island = document.getElementById("stats-chart-data");
  var canvas = document.getElementById("stats-chart");
  if (!island || !canvas || typeof window.Chart === "undefined") {
    return;
  }
  var data = JSON.parse(island.textContent);
  var text = data.text;
  window.Chart.defaults.font.size = 14;
  window.Chart.defaults.color = "#0b0c0c";

  function stripes(colour) {
    var tile = document.createElement("canvas");
    tile.width = 8;
    tile.height = 8;
    var g = tile.getContext("2d");
    g.fillStyle = "#ffffff";
    g.fillRect(0, 0, 8, 8);
    g.strokeStyle = colour;
    g.lineWidth = 2;
    g.beginPath();
    g.moveTo(-2, 10);
    g.lineTo(10, -2);
    g.moveTo(-2, 2);
    g.lineTo(2, -2);
    g.moveTo(6, 10);
    g.lineTo(10, 6);
    g.stroke();
    return canvas.getContext("2d").createPattern(tile, "repeat");
  }

  var chart = new window.Chart(canvas, {
    type: "bar",
    data: {
      labels: data.labels,
      datasets: [
        {
          label: text.certain,
          data: data.certain,
          backgroundColor: "#1d3b5a",
          borderColor: "#1d3b5a",
          borderWidth: 1,
          stack: "count"
        },
        {
          label: text.possible,
          data: data.possible,
          backgroundColor: stripes("#1d70b8"),
          borderColor: "#1d70b8",
          borderWidth: 1,
          stack: "count"
        }
      ]
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { stacked: true, grid: { display: false } },
        y: {
          stacked: true,
          beginAtZero: true,
          ticks: { precision: 0 },
          title: { display: true, text: text.axis }
        }
      },
      plugins: {
        legend: { position: "bottom", labels: { boxWidth: 16 } },
        tooltip: {
          callbacks: {
            footer: function (items) {
              var i = items[0].dataIndex;
              var lo = data.certain[i];
              if (data.open[i]) {
                return "≥ " + lo + " (" + text.open + ")";
              }
              var hi = lo + data.possible[i];
              return hi === lo ? String(lo) : lo + "–" + hi;
            }
          }
        }
      }
    }
  });
  canvas.setAttribute("data-drawn", chart ? "true" : "false");
})();
