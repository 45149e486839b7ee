import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

const W = 600;
const H = 200;

/**
 * An optional on-screen signature (a touch screen turned to the resident). Progressive: without JavaScript nothing
 * but a note is shown and the printed form's signature box is used. Strokes are kept as SVG path data in a 600×200
 * box (posted as `signature`; the server checks its shape and draws it into the PDF).
 */
export function SignaturePad({ name = "signature", say }: { name?: string; say?: (key: string) => string }) {
  const { t: pageT } = useTranslation();
  // The pad is the resident's: its words may be in their language, not the page's (the counter's confirmation view).
  const t = say ?? ((key: string) => pageT(key));
  const [ready, setReady] = useState(false);
  const [path, setPath] = useState("");
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  useEffect(() => setReady(true), []);

  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = Math.max(0, Math.min(W, ((e.clientX - r.left) / r.width) * W));
    const y = Math.max(0, Math.min(H, ((e.clientY - r.top) / r.height) * H));
    return [Math.round(x * 10) / 10, Math.round(y * 10) / 10] as const;
  };
  const stroke = (cmd: "M" | "L", e: React.PointerEvent<HTMLCanvasElement>) => {
    const [x, y] = point(e);
    const ctx = canvas.current?.getContext("2d");
    if (ctx && cmd === "M") {
      ctx.beginPath();
      ctx.moveTo(x, y);
    } else if (ctx) {
      ctx.lineTo(x, y);
      ctx.stroke();
    }
    setPath((p) => (p.length > 19_000 ? p : `${p}${p ? " " : ""}${cmd} ${x} ${y}`));
  };
  const clear = () => {
    canvas.current?.getContext("2d")?.clearRect(0, 0, W, H);
    setPath("");
  };

  if (!ready) return <p className="field__hint">{t("counter.confirm.signPaper")}</p>;
  return (
    <div className="signature">
      <p id="signature-hint" className="field__hint">
        {t("counter.confirm.signHint")}
      </p>
      <div role="img" aria-label={t(path ? "counter.confirm.signed" : "counter.confirm.signArea")} aria-describedby="signature-hint">
        <canvas
          ref={canvas}
          width={W}
          height={H}
          className="signature__canvas"
          onPointerDown={(e) => {
            e.currentTarget.setPointerCapture(e.pointerId);
            const ctx = canvas.current?.getContext("2d");
            if (ctx) {
              ctx.lineWidth = 3;
              ctx.lineCap = "round";
            }
            drawing.current = true;
            stroke("M", e);
          }}
          onPointerMove={(e) => {
            if (drawing.current) stroke("L", e);
          }}
          onPointerUp={() => (drawing.current = false)}
        />
      </div>
      <input type="hidden" name={name} value={path} />
      <p>
        <button type="button" className="button button--secondary button--small" onClick={clear}>
          {t("counter.confirm.signClear")}
        </button>
      </p>
    </div>
  );
}
