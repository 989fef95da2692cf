<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR" sourcelanguage="en">
<context>
    <name>HeatmapText</name>
    <message>
        <source>Layer %1</source>
        <translation>레이어 %1</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>헤드 %1</translation>
    </message>
    <message>
        <source>Attention rollout through layers 0–%1</source>
        <translation>레이어 0–%1의 어텐션 롤아웃</translation>
    </message>
    <message>
        <source>mean of heads</source>
        <translation>헤드 평균</translation>
    </message>
    <message>
        <source>max of heads</source>
        <translation>헤드 최댓값</translation>
    </message>
    <message>
        <source>attention probabilities</source>
        <translation>어텐션 확률</translation>
    </message>
    <message>
        <source>pre-softmax scores</source>
        <translation>소프트맥스 이전 점수</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <source>score</source>
        <translation>점수</translation>
    </message>
    <message>
        <source>rollout</source>
        <translation>롤아웃</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>SVG vector graphics (*.svg)</source>
        <translation>SVG 벡터 그래픽 (*.svg)</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 표 (*.csv)</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 파일 (*.json)</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>A %1 × %2 pixel image is too large.</source>
        <translation>%1 × %2 픽셀 이미지는 너무 큽니다.</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>%1에 쓸 수 없습니다.</translation>
    </message>
    <message>
        <source>Could not finish %1.</source>
        <translation>%1을(를) 마무리하지 못했습니다.</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>%1에 쓸 수 없습니다: %2</translation>
    </message>
    <message>
        <source>Cannot save a figure as &apos;%1&apos;: use .png, .svg or .pdf.</source>
        <translation>그림을 &apos;%1&apos;(으)로 저장할 수 없습니다: .png, .svg 또는 .pdf를 사용하세요.</translation>
    </message>
    <message>
        <source>Attention probabilities; each thumbnail is scaled to its own largest weight.</source>
        <translation>어텐션 확률. 각 썸네일은 자신의 가장 큰 가중치에 맞춰 색이 조정됩니다.</translation>
    </message>
    <message>
        <source>max</source>
        <translation>최대</translation>
    </message>
    <message>
        <source>weight ÷ head&apos;s largest</source>
        <translation>가중치 ÷ 헤드의 최댓값</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>레이어 %1</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>헤드 %1</translation>
    </message>
    <message>
        <source>0 → 1: line opacity = attention weight</source>
        <translation>0 → 1: 선의 불투명도 = 어텐션 가중치</translation>
    </message>
    <message>
        <source>no heads</source>
        <translation>헤드 없음</translation>
    </message>
    <message>
        <source>head %1</source>
        <translation>헤드 %1</translation>
    </message>
    <message>
        <source>heads %1</source>
        <translation>헤드 %1</translation>
    </message>
    <message>
        <source>Layer %1 · %2 · attention lines</source>
        <translation>레이어 %1 · %2 · 어텐션 선</translation>
    </message>
    <message>
        <source>attending (query)</source>
        <translation>주목하는 토큰 (쿼리)</translation>
    </message>
    <message>
        <source>attended to (key)</source>
        <translation>주목받는 토큰 (키)</translation>
    </message>
    <message>
        <source>masked: this token cannot attend to that one (GPT-2 sees only earlier tokens)</source>
        <translation>마스킹됨: 이 토큰은 저 토큰에 주목할 수 없습니다 (GPT-2는 앞선 토큰만 봅니다)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>byte-level BPE</source>
        <translation>바이트 수준 BPE</translation>
    </message>
    <message>
        <source>WordPiece</source>
        <translation>WordPiece</translation>
    </message>
    <message>
        <source>%1 (%2 tokenizer)</source>
        <translation>%1 (%2 토크나이저)</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1초</translation>
    </message>
    <message>
        <source>Magma</source>
        <translation>Magma</translation>
    </message>
    <message>
        <source>Greys</source>
        <translation>회색조</translation>
    </message>
    <message>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <source>&lt;b&gt;id %1&lt;/b&gt; · vocabulary string &lt;code&gt;%2&lt;/code&gt;</source>
        <translation>&lt;b&gt;id %1&lt;/b&gt; · 어휘 문자열 &lt;code&gt;%2&lt;/code&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;special token</source>
        <translation>&lt;br&gt;특수 토큰</translation>
    </message>
    <message>
        <source> of sentence B</source>
        <translation> (문장 B)</translation>
    </message>
    <message>
        <source> of sentence A</source>
        <translation> (문장 A)</translation>
    </message>
    <message>
        <source>&lt;br&gt;characters %1–%2%3 · word %4</source>
        <translation>&lt;br&gt;문자 %1–%2%3 · 단어 %4</translation>
    </message>
    <message>
        <source>&lt;br&gt;continues the previous token&apos;s word</source>
        <translation>&lt;br&gt;앞 토큰의 단어에 이어짐</translation>
    </message>
    <message>
        <source>&lt;br&gt;bytes %1</source>
        <translation>&lt;br&gt;바이트 %1</translation>
    </message>
    <message>
        <source>&lt;br&gt;holds only part of a character&apos;s UTF-8 bytes; “…” marks the side where the rest is</source>
        <translation>&lt;br&gt;한 문자의 UTF-8 바이트 중 일부만 담고 있습니다. “…”는 나머지가 있는 쪽을 표시합니다</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;i&gt;Double-click or right-click: how was this word split?&lt;/i&gt;</source>
        <translation>&lt;br&gt;&lt;i&gt;더블클릭 또는 오른쪽 클릭: 이 단어는 어떻게 나뉘었을까?&lt;/i&gt;</translation>
    </message>
    <message>
        <source>position</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>dim %1</source>
        <translation>차원 %1</translation>
    </message>
    <message>
        <source>CPU (OpenCL failed: fell back)</source>
        <translation>CPU (OpenCL 실패: CPU로 대체)</translation>
    </message>
    <message>
        <source>OpenCL on %1</source>
        <translation>OpenCL (%1)</translation>
    </message>
    <message>
        <source>CPU (oneDNN)</source>
        <translation>CPU (oneDNN)</translation>
    </message>
    <message>
        <source>Blue–white–red</source>
        <translation>파랑–흰색–빨강</translation>
    </message>
</context>
<context>
    <name>as::ui::BatchExport</name>
    <message>
        <source>Could not create the folder %1.</source>
        <translation>폴더 %1을(를) 만들 수 없습니다.</translation>
    </message>
</context>
<context>
    <name>as::ui::DiffView</name>
    <message>
        <source>Type two sentences that differ by a word, or choose a second model of the same shape.</source>
        <translation>한 단어만 다른 두 문장을 입력하거나, 같은 구조의 두 번째 모델을 고르세요.</translation>
    </message>
    <message>
        <source>Two sentences, one model</source>
        <translation>두 문장, 한 모델</translation>
    </message>
    <message>
        <source>One sentence, two models</source>
        <translation>한 문장, 두 모델</translation>
    </message>
    <message>
        <source>Second model…</source>
        <translation>두 번째 모델…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>레이어</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>헤드</translation>
    </message>
    <message>
        <source>Sentence A</source>
        <translation>문장 A</translation>
    </message>
    <message>
        <source>Sentence B</source>
        <translation>문장 B</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>계산 중…</translation>
    </message>
    <message>
        <source>The two models have different shapes (%1 × %2 and %3 × %4 layers × heads): choose models of the same shape.</source>
        <translation>두 모델의 구조가 다릅니다 (레이어 × 헤드: %1 × %2와 %3 × %4). 같은 구조의 모델을 고르세요.</translation>
    </message>
    <message>
        <source>A sentence has no tokens.</source>
        <translation>토큰이 없는 문장이 있습니다.</translation>
    </message>
    <message>
        <source> A has %1 tokens and B %2: tokens are matched by position, so only the first %3 are compared, and after a word that splits differently the positions hold different words.</source>
        <translation> A는 토큰 %1개, B는 %2개입니다. 토큰은 위치로 짝지어지므로 앞의 %3개만 비교하며, 다르게 나뉜 단어 뒤부터는 같은 위치에 서로 다른 단어가 놓입니다.</translation>
    </message>
    <message>
        <source>Red: A attends more than B; blue: B attends more; white: the same. Largest difference %1. Labels &quot;a ≠ b&quot; mark positions where the tokens differ.%2</source>
        <translation>빨강: A가 B보다 더 주목함, 파랑: B가 더 주목함, 흰색: 같음. 최대 차이 %1. &quot;a ≠ b&quot; 레이블은 토큰이 서로 다른 위치를 표시합니다.%2</translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation>아직 내보낼 것이 없습니다.</translation>
    </message>
    <message>
        <source>Second model (same layers and heads)</source>
        <translation>두 번째 모델 (레이어와 헤드 수가 같은 모델)</translation>
    </message>
    <message>
        <source>Export the difference</source>
        <translation>차이 내보내기</translation>
    </message>
    <message>
        <source>Figures or numbers (*.png *.svg *.pdf *.csv)</source>
        <translation>그림 또는 수치 (*.png *.svg *.pdf *.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
</context>
<context>
    <name>as::ui::ExplainPopup</name>
    <message>
        <source>BPE merges</source>
        <translation>BPE 병합</translation>
    </message>
    <message>
        <source>WordPiece matching</source>
        <translation>WordPiece 매칭</translation>
    </message>
</context>
<context>
    <name>as::ui::ExportActions</name>
    <message>
        <source>&amp;Export figure…</source>
        <translation>그림 내보내기(&amp;E)…</translation>
    </message>
    <message>
        <source>Save the heatmap, the model grid or the head view as PNG, SVG or PDF (Ctrl+E)</source>
        <translation>히트맵, 모델 격자 또는 헤드 뷰를 PNG, SVG, PDF로 저장합니다 (Ctrl+E)</translation>
    </message>
    <message>
        <source>Export heatmap numbers as &amp;CSV…</source>
        <translation>히트맵 수치를 CSV로 내보내기(&amp;C)…</translation>
    </message>
    <message>
        <source>Export all attentions as &amp;JSON…</source>
        <translation>모든 어텐션을 JSON으로 내보내기(&amp;J)…</translation>
    </message>
    <message>
        <source>Export every layer × &amp;head to a folder…</source>
        <translation>모든 레이어 × 헤드를 폴더로 내보내기(&amp;H)…</translation>
    </message>
    <message>
        <source>%1 · all layers × heads</source>
        <translation>%1 · 모든 레이어 × 헤드</translation>
    </message>
    <message>
        <source>There is nothing to export yet.</source>
        <translation>아직 내보낼 것이 없습니다.</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 저장됨</translation>
    </message>
    <message>
        <source>Export heatmap numbers</source>
        <translation>히트맵 수치 내보내기</translation>
    </message>
    <message>
        <source>CSV tables (*.csv)</source>
        <translation>CSV 표 (*.csv)</translation>
    </message>
    <message>
        <source>Export all attentions</source>
        <translation>모든 어텐션 내보내기</translation>
    </message>
    <message>
        <source>JSON files (*.json)</source>
        <translation>JSON 파일 (*.json)</translation>
    </message>
    <message>
        <source>Saved every attention to %1</source>
        <translation>모든 어텐션을 %1에 저장했습니다</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>%1 쓰는 중…</translation>
    </message>
    <message>
        <source>Export every layer × head</source>
        <translation>모든 레이어 × 헤드 내보내기</translation>
    </message>
    <message>
        <source>Folder for the files</source>
        <translation>파일을 저장할 폴더</translation>
    </message>
    <message>
        <source>Exporting every layer × head…</source>
        <translation>모든 레이어 × 헤드를 내보내는 중…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Wrote %1 files to %2</source>
        <translation>파일 %1개를 %2에 저장했습니다</translation>
    </message>
    <message>
        <source>Export of %1 was cancelled; nothing was written.</source>
        <translation>%1 내보내기가 취소되었습니다. 아무것도 저장하지 않았습니다.</translation>
    </message>
    <message>
        <source> — not for this input: it has %1 tokens, so only the layers on screen are kept (attentionscope-cli run --out exports every layer of any input)</source>
        <translation> — 이 입력에는 사용할 수 없습니다: 토큰이 %1개라서 화면에 보이는 층만 보관합니다 (attentionscope-cli run --out은 어떤 입력이든 모든 층을 내보냅니다)</translation>
    </message>
</context>
<context>
    <name>as::ui::ExportDialog</name>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Heatmap (the layer and head shown)</source>
        <translation>히트맵 (표시 중인 레이어와 헤드)</translation>
    </message>
    <message>
        <source>Model view: all layers × heads</source>
        <translation>모델 뷰: 모든 레이어 × 헤드</translation>
    </message>
    <message>
        <source>Head view: lines between tokens</source>
        <translation>헤드 뷰: 토큰 사이의 선</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source> dpi</source>
        <translation> dpi</translation>
    </message>
    <message>
        <source>PNG resolution: the size above is the layout at 96 dpi; 300 dpi makes the same picture with 3.125× the pixels per side, for print.</source>
        <translation>PNG 해상도: 위의 크기는 96 dpi 기준 레이아웃입니다. 300 dpi는 같은 그림을 한 변에 3.125배 많은 픽셀로 만들어 인쇄에 알맞습니다.</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>내보낼 대상:</translation>
    </message>
    <message>
        <source>Format:</source>
        <translation>형식:</translation>
    </message>
    <message>
        <source>Width:</source>
        <translation>너비:</translation>
    </message>
    <message>
        <source>Height:</source>
        <translation>높이:</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>해상도:</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>파일 선택…</translation>
    </message>
    <message>
        <source>→ %1 × %2 pixels at %3 dpi</source>
        <translation>→ %3 dpi에서 %1 × %2 픽셀</translation>
    </message>
    <message>
        <source>→ a %1 × %2 pt page, vector</source>
        <translation>→ %1 × %2 pt 페이지, 벡터</translation>
    </message>
    <message>
        <source>→ vector, %1 × %2 units</source>
        <translation>→ 벡터, %1 × %2 단위</translation>
    </message>
    <message>
        <source>→ the heatmap&apos;s numbers, one row per attending token</source>
        <translation>→ 히트맵 수치, 주목하는 토큰마다 한 행</translation>
    </message>
</context>
<context>
    <name>as::ui::FillMaskPanel</name>
    <message>
        <source>optional: words to score, separated by commas</source>
        <translation>선택: 점수를 매길 단어 (쉼표로 구분)</translation>
    </message>
    <message>
        <source>Top k:</source>
        <translation>Top k:</translation>
    </message>
    <message>
        <source>Target words:</source>
        <translation>대상 단어:</translation>
    </message>
    <message>
        <source>Mask:</source>
        <translation>마스크:</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>토큰</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>문장</translation>
    </message>
    <message>
        <source>Click a candidate to put it in the sentence</source>
        <translation>후보를 클릭하면 문장에 넣습니다</translation>
    </message>
    <message>
        <source>Load a BERT-style model to predict masked words.</source>
        <translation>마스킹된 단어를 예측하려면 BERT 계열 모델을 불러오세요.</translation>
    </message>
    <message>
        <source>%1 has no masked-language-model head: fill-mask needs BERT, DistilBERT or RoBERTa with one.</source>
        <translation>%1에는 마스크 언어 모델(MLM) 헤드가 없습니다. 마스크 채우기에는 MLM 헤드가 있는 BERT, DistilBERT 또는 RoBERTa가 필요합니다.</translation>
    </message>
    <message>
        <source>Predictions for “%1”. Put %2 in the sentence again (select a word and press Ctrl+M) to predict anew.</source>
        <translation>“%1”에 대한 예측입니다. 다시 예측하려면 문장에 %2을(를) 넣으세요 (단어를 선택하고 Ctrl+M).</translation>
    </message>
    <message>
        <source>Put %1 in the sentence (select a word and press Ctrl+M) to see what the model predicts there.</source>
        <translation>문장에 %1을(를) 넣으면 (단어를 선택하고 Ctrl+M) 모델이 그 자리에 무엇을 예측하는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>predicting…</source>
        <translation>예측 중…</translation>
    </message>
    <message>
        <source>%1 %2 (token %3)</source>
        <translation>%1 %2 (토큰 %3)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Next sentence:&lt;/b&gt; P(sentence 2 follows sentence 1) = %1</source>
        <translation>&lt;b&gt;다음 문장 예측:&lt;/b&gt; P(문장 2가 문장 1 다음에 온다) = %1</translation>
    </message>
    <message>
        <source>No next-sentence probability: %1</source>
        <translation>다음 문장 확률 없음: %1</translation>
    </message>
    <message>
        <source>⚠ Fill-mask failed: %1</source>
        <translation>⚠ 마스크 채우기 실패: %1</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <source>Top %1 for %2 at token %3</source>
        <translation>토큰 %3의 %2 상위 %1개</translation>
    </message>
    <message>
        <source>Put %1 in the first sentence (select a word and press Ctrl+M) to see what the model predicts there.</source>
        <translation>첫 문장에 %1을(를) 넣으면 (단어를 선택하고 Ctrl+M) 모델이 그 자리에 무엇을 예측하는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>What the model predicts in place of each mask token of the sentence (probability: softmax over the whole vocabulary). Click a candidate to put it in the sentence.</source>
        <translation>문장의 각 마스크 토큰 자리에 모델이 예측하는 단어입니다 (확률: 전체 어휘에 대한 소프트맥스). 후보를 클릭하면 문장에 넣습니다.</translation>
    </message>
</context>
<context>
    <name>as::ui::GenerationPanel</name>
    <message>
        <source>reached the maximum number of new tokens</source>
        <translation>새 토큰 최대 개수에 도달</translation>
    </message>
    <message>
        <source>the model ended the text</source>
        <translation>모델이 텍스트를 끝냄</translation>
    </message>
    <message>
        <source>a stop string appeared</source>
        <translation>중지 문자열이 나타남</translation>
    </message>
    <message>
        <source>the model&apos;s positions are used up</source>
        <translation>모델의 위치를 모두 사용함</translation>
    </message>
    <message>
        <source>stopped</source>
        <translation>중지됨</translation>
    </message>
    <message>
        <source>Grey: the prompt. Green: generated tokens, darker = the model gave it a higher probability.</source>
        <translation>회색: 프롬프트. 초록색: 생성된 토큰이며, 진할수록 모델이 더 높은 확률을 준 토큰입니다.</translation>
    </message>
    <message>
        <source>▶ Replay</source>
        <translation>▶ 다시 보기</translation>
    </message>
    <message>
        <source>Replay:</source>
        <translation>다시 보기:</translation>
    </message>
    <message>
        <source>Load a GPT-2 model to generate text.</source>
        <translation>텍스트를 생성하려면 GPT-2 모델을 불러오세요.</translation>
    </message>
    <message>
        <source>Prompt, e.g. In this course, we will teach you how to</source>
        <translation>프롬프트, 예: In this course, we will teach you how to</translation>
    </message>
    <message>
        <source>Greedy (most likely token)</source>
        <translation>그리디 (가장 가능성 높은 토큰)</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>샘플링</translation>
    </message>
    <message>
        <source>off</source>
        <translation>끔</translation>
    </message>
    <message>
        <source>1 = off; above 1 makes tokens already in the text less likely</source>
        <translation>1 = 끔. 1보다 크면 이미 텍스트에 있는 토큰이 덜 선택됩니다</translation>
    </message>
    <message>
        <source>Generate</source>
        <translation>생성</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Prompt:</source>
        <translation>프롬프트:</translation>
    </message>
    <message>
        <source>New tokens:</source>
        <translation>새 토큰 수:</translation>
    </message>
    <message>
        <source>Repetition penalty:</source>
        <translation>반복 페널티:</translation>
    </message>
    <message>
        <source>Temperature:</source>
        <translation>온도:</translation>
    </message>
    <message>
        <source>Top k:</source>
        <translation>Top k:</translation>
    </message>
    <message>
        <source>Top p:</source>
        <translation>Top p:</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>시드:</translation>
    </message>
    <message>
        <source>Type a prompt and press Generate.</source>
        <translation>프롬프트를 입력하고 생성을 누르세요.</translation>
    </message>
    <message>
        <source>%1 is not a causal language model: generation needs GPT-2.</source>
        <translation>%1은(는) 인과적 언어 모델이 아닙니다. 텍스트 생성에는 GPT-2가 필요합니다.</translation>
    </message>
    <message>
        <source>generating…</source>
        <translation>생성 중…</translation>
    </message>
    <message>
        <source>stopping after the current token…</source>
        <translation>현재 토큰 다음에 멈추는 중…</translation>
    </message>
    <message>
        <source>generating… %1 of %2 tokens</source>
        <translation>생성 중… %2개 중 %1개 토큰</translation>
    </message>
    <message>
        <source>%1 tokens, %2 — %3 ms for the prompt, %4 ms per new token</source>
        <translation>토큰 %1개, %2 — 프롬프트 %3 ms, 새 토큰당 %4 ms</translation>
    </message>
    <message>
        <source>⚠ Generation failed: %1</source>
        <translation>⚠ 생성 실패: %1</translation>
    </message>
    <message>
        <source>token %1 of %2</source>
        <translation>%2개 중 %1번째 토큰</translation>
    </message>
    <message>
        <source>❚❚ Pause</source>
        <translation>❚❚ 일시 정지</translation>
    </message>
    <message>
        <source>Decoding:</source>
        <translation>디코딩:</translation>
    </message>
</context>
<context>
    <name>as::ui::GenerationStepView</name>
    <message>
        <source>Attention of layer</source>
        <translation>어텐션 레이어</translation>
    </message>
    <message>
        <source>Click a generated token to see the alternatives the model weighed and where it looked.</source>
        <translation>생성된 토큰을 클릭하면 모델이 저울질한 후보들과 모델이 주목한 곳을 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Top 5 next tokens</source>
        <translation>다음 토큰 상위 5개</translation>
    </message>
    <message>
        <source>probability</source>
        <translation>확률</translation>
    </message>
    <message>
        <source>Attention over the earlier tokens</source>
        <translation>앞선 토큰들에 대한 어텐션</translation>
    </message>
    <message>
        <source>attention weight</source>
        <translation>어텐션 가중치</translation>
    </message>
    <message>
        <source>Layer %1</source>
        <translation>레이어 %1</translation>
    </message>
    <message>
        <source>Mean of heads</source>
        <translation>헤드 평균</translation>
    </message>
    <message>
        <source>Head %1</source>
        <translation>헤드 %1</translation>
    </message>
    <message>
        <source>Top %1 next tokens (chosen in orange)</source>
        <translation>다음 토큰 상위 %1개 (선택된 토큰은 주황색)</translation>
    </message>
    <message>
        <source>Bars: &lt;span style=&quot;color:#4678b4&quot;&gt;■&lt;/span&gt; prompt · &lt;span style=&quot;color:#2ea043&quot;&gt;■&lt;/span&gt; generated before this step</source>
        <translation>막대: &lt;span style=&quot;color:#4678b4&quot;&gt;■&lt;/span&gt; 프롬프트 · &lt;span style=&quot;color:#2ea043&quot;&gt;■&lt;/span&gt; 이 단계 전에 생성된 토큰</translation>
    </message>
    <message>
        <source>&lt;b&gt;Step %1:&lt;/b&gt; “%2” — probability %3 % (after the sampling settings: %4 %). The attention is that of the position that predicted it.</source>
        <translation>&lt;b&gt;%1단계:&lt;/b&gt; “%2” — 확률 %3 % (샘플링 설정 적용 후: %4 %). 어텐션은 이 토큰을 예측한 위치의 것입니다.</translation>
    </message>
    <message>
        <source>Attention of “%1”</source>
        <translation>“%1”의 어텐션</translation>
    </message>
</context>
<context>
    <name>as::ui::GenerationTokens</name>
    <message>
        <source>Step %1 · probability %2 % — click for its alternatives and attention</source>
        <translation>%1단계 · 확률 %2 % — 클릭하면 후보와 어텐션을 봅니다</translation>
    </message>
    <message>
        <source>Prompt token %1</source>
        <translation>프롬프트 토큰 %1</translation>
    </message>
</context>
<context>
    <name>as::ui::GetModelsDialog</name>
    <message>
        <source>Get models from Hugging Face</source>
        <translation>Hugging Face에서 모델 받기</translation>
    </message>
    <message>
        <source>Pick a checkpoint or type any model id from huggingface.co (&lt;code&gt;org/name&lt;/code&gt;). It is saved in the Hugging Face cache, shared with Python&apos;s transformers.</source>
        <translation>체크포인트를 고르거나 huggingface.co의 모델 id(&lt;code&gt;org/name&lt;/code&gt;)를 입력하세요. 모델은 Python transformers와 함께 쓰는 Hugging Face 캐시에 저장됩니다.</translation>
    </message>
    <message>
        <source>org/name, e.g. google-bert/bert-base-uncased</source>
        <translation>org/name, 예: google-bert/bert-base-uncased</translation>
    </message>
    <message>
        <source>Model id:</source>
        <translation>모델 id:</translation>
    </message>
    <message>
        <source>Revision:</source>
        <translation>리비전:</translation>
    </message>
    <message>
        <source>Download and open</source>
        <translation>내려받아 열기</translation>
    </message>
    <message>
        <source>Cancel download</source>
        <translation>내려받기 취소</translation>
    </message>
    <message>
        <source> · already downloaded</source>
        <translation> · 이미 내려받음</translation>
    </message>
    <message>
        <source>Asking the hub for %1…</source>
        <translation>허브에 %1 정보를 요청하는 중…</translation>
    </message>
    <message>
        <source>%1: %2 of %3 MB · all files %4 of %5 MB</source>
        <translation>%1: %3 MB 중 %2 MB · 전체 파일 %5 MB 중 %4 MB</translation>
    </message>
    <message>
        <source>Cancelled. What was downloaded is kept; downloading again resumes from there.</source>
        <translation>취소되었습니다. 내려받은 부분은 보관되며, 다시 내려받으면 그 지점부터 이어서 받습니다.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Download failed.&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;내려받기 실패.&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>Downloaded to %1</source>
        <translation>%1에 내려받았습니다</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
</context>
<context>
    <name>as::ui::HeadGridView</name>
    <message>
        <source>Every layer and head appears here once the model has run on a sentence.</source>
        <translation>모델이 문장을 처리하면 모든 레이어와 헤드가 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Layer %1, head %2 · largest weight %3&lt;br&gt;Click to open it in the heatmap.</source>
        <translation>레이어 %1, 헤드 %2 · 최대 가중치 %3&lt;br&gt;클릭하면 히트맵에서 엽니다.</translation>
    </message>
</context>
<context>
    <name>as::ui::HeadLinesCanvas</name>
    <message>
        <source>The lines between the tokens appear here once the model has run on a sentence.</source>
        <translation>모델이 문장을 처리하면 토큰 사이의 선이 여기에 나타납니다.</translation>
    </message>
</context>
<context>
    <name>as::ui::HeadLinesView</name>
    <message>
        <source>Left: the token attending (query); right: the token it attends to (key). Line opacity is the attention weight, one colour per head. Point at a token to see only its lines.</source>
        <translation>왼쪽: 주목하는 토큰(쿼리), 오른쪽: 주목받는 토큰(키). 선의 불투명도는 어텐션 가중치이고, 헤드마다 색이 다릅니다. 토큰을 가리키면 그 토큰의 선만 보입니다.</translation>
    </message>
    <message>
        <source>Layer whose heads are drawn</source>
        <translation>헤드를 그릴 레이어</translation>
    </message>
    <message>
        <source>All heads</source>
        <translation>모든 헤드</translation>
    </message>
    <message>
        <source>None</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>레이어</translation>
    </message>
    <message>
        <source>Show the lines of head %1</source>
        <translation>헤드 %1의 선 보기</translation>
    </message>
</context>
<context>
    <name>as::ui::HeatmapPlot</name>
    <message>
        <source>attended to (key) →</source>
        <translation>주목받는 토큰 (키) →</translation>
    </message>
    <message>
        <source>key →</source>
        <translation>키 →</translation>
    </message>
    <message>
        <source>attending token (query) →</source>
        <translation>주목하는 토큰 (쿼리) →</translation>
    </message>
    <message>
        <source>query →</source>
        <translation>쿼리 →</translation>
    </message>
</context>
<context>
    <name>as::ui::HeatmapView</name>
    <message>
        <source>Load a model and type a sentence to see where each token looks.</source>
        <translation>모델을 불러오고 문장을 입력하면 각 토큰이 어디에 주목하는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Layer, 0 = first (Alt+Up / Alt+Down)</source>
        <translation>레이어, 0 = 첫 번째 (Alt+위 / Alt+아래)</translation>
    </message>
    <message>
        <source>Head within the layer (Alt+Left / Alt+Right)</source>
        <translation>레이어 안의 헤드 (Alt+왼쪽 / Alt+오른쪽)</translation>
    </message>
    <message>
        <source>One head</source>
        <translation>헤드 하나</translation>
    </message>
    <message>
        <source>Mean of heads</source>
        <translation>헤드 평균</translation>
    </message>
    <message>
        <source>Max of heads</source>
        <translation>헤드 최댓값</translation>
    </message>
    <message>
        <source>Rollout (layers 0…L)</source>
        <translation>롤아웃 (레이어 0…L)</translation>
    </message>
    <message>
        <source>Alt+1 one head · Alt+2 mean · Alt+3 max · Alt+4 attention rollout through the layer</source>
        <translation>Alt+1 헤드 하나 · Alt+2 평균 · Alt+3 최댓값 · Alt+4 이 레이어까지의 어텐션 롤아웃</translation>
    </message>
    <message>
        <source>Probabilities</source>
        <translation>확률</translation>
    </message>
    <message>
        <source>Pre-softmax scores</source>
        <translation>소프트맥스 이전 점수</translation>
    </message>
    <message>
        <source>Softmax probabilities, or the scaled q·k scores before softmax (Alt+S)</source>
        <translation>소프트맥스 확률, 또는 소프트맥스 이전의 스케일된 q·k 점수 (Alt+S)</translation>
    </message>
    <message>
        <source>Fixed 0–1 scale</source>
        <translation>0–1 고정 척도</translation>
    </message>
    <message>
        <source>Colour scale from 0 to 1 instead of the shown values&apos; range (Alt+U)</source>
        <translation>표시된 값의 범위 대신 0에서 1까지의 색 척도 (Alt+U)</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>레이어</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>헤드</translation>
    </message>
    <message>
        <source>Type a sentence to see where each token looks.</source>
        <translation>문장을 입력하면 각 토큰이 어디에 주목하는지 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Cannot show this selection: %1</source>
        <translation>이 선택을 표시할 수 없습니다: %1</translation>
    </message>
    <message>
        <source>Row: the token attending (query). Column: the token it attends to (key). Hover a cell for the exact value.</source>
        <translation>행: 주목하는 토큰(쿼리). 열: 주목받는 토큰(키). 칸 위에 마우스를 올리면 정확한 값이 보입니다.</translation>
    </message>
    <message>
        <source> Hatched cells are masked: a GPT-2 token cannot attend to later tokens.</source>
        <translation> 빗금 친 칸은 마스킹된 곳입니다: GPT-2 토큰은 뒤의 토큰에 주목할 수 없습니다.</translation>
    </message>
    <message>
        <source> Rollout multiplies the layers&apos; head-averaged attention, with the residual connection counted as 0.5·I.</source>
        <translation> 롤아웃은 레이어별로 헤드 평균 어텐션을 곱하며, 잔차 연결은 0.5·I로 반영합니다.</translation>
    </message>
    <message>
        <source>from &lt;b&gt;%1&lt;/b&gt; (#%2)&lt;br&gt;to &lt;b&gt;%3&lt;/b&gt; (#%4)&lt;br&gt;%5</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (#%2)에서&lt;br&gt;&lt;b&gt;%3&lt;/b&gt; (#%4)(으)로&lt;br&gt;%5</translation>
    </message>
    <message>
        <source>There is no heatmap to export yet.</source>
        <translation>아직 내보낼 히트맵이 없습니다.</translation>
    </message>
    <message>
        <source>Computing layer %1…

This input has %2 tokens: to keep memory small, the attention of every layer is kept only for the layers on screen.</source>
        <translation>%1층 계산 중…

이 입력은 토큰이 %2개입니다: 메모리를 아끼려고 화면에 보이는 층의 어텐션만 보관합니다.</translation>
    </message>
</context>
<context>
    <name>as::ui::LoadProgress</name>
    <message>
        <source>Cancel</source>
        <translation>취소</translation>
    </message>
    <message>
        <source>Stop loading; the current model stays loaded</source>
        <translation>불러오기를 중지합니다. 현재 모델은 그대로 유지됩니다</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>취소하는 중…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 불러오는 중…</translation>
    </message>
    <message>
        <source> (the first run on a device compiles its kernels; later runs use the cache)</source>
        <translation> (장치에서 처음 실행할 때 커널을 컴파일합니다. 이후 실행에서는 캐시를 사용합니다)</translation>
    </message>
    <message>
        <source>Loading %1: %2%3</source>
        <translation>%1 불러오는 중: %2%3</translation>
    </message>
</context>
<context>
    <name>as::ui::MainWindow</name>
    <message>
        <source>AttentionScope</source>
        <translation>AttentionScope</translation>
    </message>
    <message>
        <source>Heatmap</source>
        <translation>히트맵</translation>
    </message>
    <message>
        <source>Head view (lines)</source>
        <translation>헤드 뷰 (선)</translation>
    </message>
    <message>
        <source>&lt;b&gt;All layers × heads&lt;/b&gt; — click one to open it in the heatmap</source>
        <translation>&lt;b&gt;모든 레이어 × 헤드&lt;/b&gt; — 하나를 클릭하면 히트맵에서 엽니다</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>모델</translation>
    </message>
    <message>
        <source>%1 — AttentionScope</source>
        <translation>%1 — AttentionScope</translation>
    </message>
    <message>
        <source>Loaded %1</source>
        <translation>%1 불러옴</translation>
    </message>
    <message>
        <source>

The previous model is still loaded.</source>
        <translation>

이전 모델이 그대로 로드되어 있습니다.</translation>
    </message>
    <message>
        <source>Could not load model</source>
        <translation>모델을 불러올 수 없습니다</translation>
    </message>
    <message>
        <source>Could not load %1:

%2%3</source>
        <translation>%1을(를) 불러올 수 없습니다:

%2%3</translation>
    </message>
    <message>
        <source>Loading %1 cancelled</source>
        <translation>%1 불러오기 취소됨</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>단축키(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About AttentionScope</source>
        <translation>AttentionScope 정보(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open model folder…</source>
        <translation>모델 폴더 열기(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 항목 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>설정(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>끝내기(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>글자 크게(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>글자 작게(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Normal text size</source>
        <translation>보통 글자 크기(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Colour map</source>
        <translation>색상 맵(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Heatmap</source>
        <translation>히트맵(&amp;H)</translation>
    </message>
    <message>
        <source>Head &amp;view (lines)</source>
        <translation>헤드 뷰 (선)(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Model view alone (all layers × heads)</source>
        <translation>모델 뷰만 보기 (모든 레이어 × 헤드)(&amp;M)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>도구 모음</translation>
    </message>
    <message>
        <source>Open model…</source>
        <translation>모델 열기…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Export all heads…</source>
        <translation>모든 헤드 내보내기…</translation>
    </message>
    <message>
        <source>A−</source>
        <translation>가−</translation>
    </message>
    <message>
        <source>A+</source>
        <translation>가+</translation>
    </message>
    <message>
        <source>Clear list</source>
        <translation>목록 지우기</translation>
    </message>
    <message>
        <source>Open a HuggingFace checkpoint folder</source>
        <translation>HuggingFace 체크포인트 폴더 열기</translation>
    </message>
    <message>
        <source>Text size %1 pt</source>
        <translation>글자 크기 %1 pt</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>단축키</translation>
    </message>
    <message>
        <source>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Open a model folder (or drop one onto the window)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Export the heatmap, the grid or the head view (PNG / SVG / PDF)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Run now instead of waiting for the typing pause&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+Up / Alt+Down&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Previous / next layer&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+Left / Alt+Right&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Previous / next head&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+1 … Alt+4&lt;/b&gt;&lt;/td&gt;&lt;td&gt;One head · mean of heads · max of heads · rollout&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Probabilities ↔ pre-softmax scores&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+U&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Fixed 0–1 colour scale on / off&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1 / Ctrl+2 / Ctrl+3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Heatmap / head view / model view alone&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl++ / Ctrl+− / Ctrl+0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Larger / smaller / normal text&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Right-click a token&lt;/b&gt;&lt;/td&gt;&lt;td&gt;How its word was split&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+M&lt;/b&gt;&lt;/td&gt;&lt;td&gt;Put the mask token over the selected word (fill-mask)&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</source>
        <translation>&lt;table cellspacing=6&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+O&lt;/b&gt;&lt;/td&gt;&lt;td&gt;모델 폴더 열기 (또는 창에 폴더를 끌어다 놓기)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+E&lt;/b&gt;&lt;/td&gt;&lt;td&gt;히트맵, 격자 또는 헤드 뷰 내보내기 (PNG / SVG / PDF)&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Enter&lt;/b&gt;&lt;/td&gt;&lt;td&gt;입력이 멈추기를 기다리지 않고 바로 실행&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+위 / Alt+아래&lt;/b&gt;&lt;/td&gt;&lt;td&gt;이전 / 다음 레이어&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+왼쪽 / Alt+오른쪽&lt;/b&gt;&lt;/td&gt;&lt;td&gt;이전 / 다음 헤드&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+1 … Alt+4&lt;/b&gt;&lt;/td&gt;&lt;td&gt;헤드 하나 · 헤드 평균 · 헤드 최댓값 · 롤아웃&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+S&lt;/b&gt;&lt;/td&gt;&lt;td&gt;확률 ↔ 소프트맥스 이전 점수&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Alt+U&lt;/b&gt;&lt;/td&gt;&lt;td&gt;0–1 고정 색 척도 켜기 / 끄기&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+1 / Ctrl+2 / Ctrl+3&lt;/b&gt;&lt;/td&gt;&lt;td&gt;히트맵 / 헤드 뷰 / 모델 뷰만 보기&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl++ / Ctrl+− / Ctrl+0&lt;/b&gt;&lt;/td&gt;&lt;td&gt;글자 크게 / 작게 / 보통&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;토큰 오른쪽 클릭&lt;/b&gt;&lt;/td&gt;&lt;td&gt;그 단어가 어떻게 나뉘었는지 보기&lt;/td&gt;&lt;/tr&gt;&lt;tr&gt;&lt;td&gt;&lt;b&gt;Ctrl+M&lt;/b&gt;&lt;/td&gt;&lt;td&gt;선택한 단어를 마스크 토큰으로 바꾸기 (마스크 채우기)&lt;/td&gt;&lt;/tr&gt;&lt;/table&gt;</translation>
    </message>
    <message>
        <source>About AttentionScope</source>
        <translation>AttentionScope 정보</translation>
    </message>
    <message>
        <source>&lt;b&gt;AttentionScope %1&lt;/b&gt;&lt;br&gt;See how BERT and GPT-2 attend, layer by layer and head by head.&lt;br&gt;&lt;br&gt;Attention rollout: Abnar &amp;amp; Zuidema, 2020. Head view after bertviz (Vig, 2019).</source>
        <translation>&lt;b&gt;AttentionScope %1&lt;/b&gt;&lt;br&gt;BERT와 GPT-2가 레이어별, 헤드별로 어떻게 어텐션하는지 살펴보세요.&lt;br&gt;&lt;br&gt;어텐션 롤아웃: Abnar &amp;amp; Zuidema, 2020. 헤드 뷰는 bertviz(Vig, 2019)를 따랐습니다.</translation>
    </message>
    <message>
        <source>Fill-mask</source>
        <translation>마스크 채우기</translation>
    </message>
    <message>
        <source>Generation</source>
        <translation>텍스트 생성</translation>
    </message>
    <message>
        <source>Show or hide the fill-mask panel: what the model predicts for [MASK]</source>
        <translation>마스크 채우기 패널 보이기/숨기기: 모델이 [MASK] 자리에 예측하는 단어</translation>
    </message>
    <message>
        <source>Show or hide the generation panel (GPT-2)</source>
        <translation>텍스트 생성 패널 보이기/숨기기 (GPT-2)</translation>
    </message>
    <message>
        <source>Teaching panels</source>
        <translation>학습 패널</translation>
    </message>
    <message>
        <source>Loaded %1 on the CPU: OpenCL could not be used (%2)</source>
        <translation>%1을(를) CPU에서 불러왔습니다: OpenCL을 사용할 수 없습니다 (%2)</translation>
    </message>
    <message>
        <source>Compute &amp;backend</source>
        <translation>연산 백엔드(&amp;B)</translation>
    </message>
    <message>
        <source>CPU (oneDNN)</source>
        <translation>CPU (oneDNN)</translation>
    </message>
    <message>
        <source>The reference backend; always available</source>
        <translation>기준 백엔드. 항상 사용할 수 있습니다</translation>
    </message>
    <message>
        <source>OpenCL unavailable: %1</source>
        <translation>OpenCL 사용 불가: %1</translation>
    </message>
    <message>
        <source>No OpenCL device found</source>
        <translation>OpenCL 장치를 찾을 수 없습니다</translation>
    </message>
    <message>
        <source>OpenCL %1: %2 (%3, %4 MB)</source>
        <translation>OpenCL %1: %2 (%3, %4 MB)</translation>
    </message>
    <message>
        <source>Platform: %1. The first model loaded on a device compiles its kernels (seconds); the driver caches them for later runs.</source>
        <translation>플랫폼: %1. 장치에 처음 불러오는 모델은 커널을 컴파일합니다(수 초). 드라이버가 이를 캐시해 두었다가 이후 실행에 사용합니다.</translation>
    </message>
    <message>
        <source>Reloading the model on %1…</source>
        <translation>%1에서 모델을 다시 불러오는 중…</translation>
    </message>
    <message>
        <source>&amp;Get models from Hugging Face…</source>
        <translation>Hugging Face에서 모델 받기(&amp;G)…</translation>
    </message>
    <message>
        <source>Open from Hugging Face &amp;cache</source>
        <translation>Hugging Face 캐시에서 열기(&amp;C)</translation>
    </message>
    <message>
        <source>Get models…</source>
        <translation>모델 받기…</translation>
    </message>
    <message>
        <source>(none yet: File › Get models from Hugging Face…)</source>
        <translation>(아직 없음: 파일 › Hugging Face에서 모델 받기…)</translation>
    </message>
</context>
<context>
    <name>as::ui::ModelPanel</name>
    <message>
        <source>No model loaded.

Open a HuggingFace checkpoint folder with File ▸ Open… (Ctrl+O).</source>
        <translation>불러온 모델이 없습니다.

파일 ▸ 열기…(Ctrl+O)로 HuggingFace 체크포인트 폴더를 여세요.</translation>
    </message>
    <message>
        <source>⚠ RANDOM test model — predictions are meaningless</source>
        <translation>⚠ 무작위 테스트 모델 — 예측에 의미가 없습니다</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>계열</translation>
    </message>
    <message>
        <source>Architecture</source>
        <translation>아키텍처</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>레이어</translation>
    </message>
    <message>
        <source>Heads</source>
        <translation>헤드</translation>
    </message>
    <message>
        <source>Hidden size</source>
        <translation>은닉 크기</translation>
    </message>
    <message>
        <source>Max tokens</source>
        <translation>최대 토큰 수</translation>
    </message>
    <message>
        <source>Vocabulary</source>
        <translation>어휘</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Weights dtype</source>
        <translation>가중치 자료형</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>백엔드</translation>
    </message>
    <message>
        <source>Load time</source>
        <translation>불러온 시간</translation>
    </message>
    <message>
        <source>config.json says: %1</source>
        <translation>config.json 설명: %1</translation>
    </message>
    <message>
        <source>%1 per layer (%2 dims each)</source>
        <translation>레이어당 %1개 (각 %2차원)</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>토큰 %1개</translation>
    </message>
    <message>
        <source>&lt;b&gt;Path:&lt;/b&gt; %1</source>
        <translation>&lt;b&gt;경로:&lt;/b&gt; %1</translation>
    </message>
    <message>
        <source>OpenCL was chosen but could not be used: %1</source>
        <translation>OpenCL을 선택했지만 사용할 수 없었습니다: %1</translation>
    </message>
</context>
<context>
    <name>as::ui::PositionalView</name>
    <message>
        <source>&lt;b&gt;Sinusoidal&lt;/b&gt;: PE(pos, 2i) = sin(pos / 10000&lt;sup&gt;2i/d&lt;/sup&gt;), PE(pos, 2i+1) = cos(pos / 10000&lt;sup&gt;2i/d&lt;/sup&gt;)</source>
        <translation>&lt;b&gt;사인파&lt;/b&gt;: PE(pos, 2i) = sin(pos / 10000&lt;sup&gt;2i/d&lt;/sup&gt;), PE(pos, 2i+1) = cos(pos / 10000&lt;sup&gt;2i/d&lt;/sup&gt;)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Learned&lt;/b&gt;: the loaded model&apos;s position table</source>
        <translation>&lt;b&gt;학습형&lt;/b&gt;: 불러온 모델의 위치 테이블</translation>
    </message>
    <message>
        <source>Load a model to see its learned position embeddings here.</source>
        <translation>모델을 불러오면 학습된 위치 임베딩을 여기에서 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Curves of chosen dimensions</source>
        <translation>선택한 차원의 곡선</translation>
    </message>
    <message>
        <source>Position × dimension matrix</source>
        <translation>위치 × 차원 행렬</translation>
    </message>
    <message>
        <source>Position × position similarity</source>
        <translation>위치 × 위치 유사도</translation>
    </message>
    <message>
        <source>dot product</source>
        <translation>내적</translation>
    </message>
    <message>
        <source>cosine</source>
        <translation>코사인</translation>
    </message>
    <message>
        <source>Dimensions to draw as curves, e.g. 0, 1, 6-9 (even: sine, odd: cosine)</source>
        <translation>곡선으로 그릴 차원, 예: 0, 1, 6-9 (짝수: 사인, 홀수: 코사인)</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>내보내기…</translation>
    </message>
    <message>
        <source>Sinusoidal side…</source>
        <translation>사인파 쪽…</translation>
    </message>
    <message>
        <source>Learned side…</source>
        <translation>학습형 쪽…</translation>
    </message>
    <message>
        <source>d (sinusoidal)</source>
        <translation>d (사인파)</translation>
    </message>
    <message>
        <source>Positions</source>
        <translation>위치</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>차원</translation>
    </message>
    <message>
        <source>&lt;b&gt;Learned&lt;/b&gt;: the model&apos;s %1 [%2 × %3]</source>
        <translation>&lt;b&gt;학습형&lt;/b&gt;: 모델의 %1 [%2 × %3]</translation>
    </message>
    <message>
        <source>Sinusoidal, d = %1</source>
        <translation>사인파, d = %1</translation>
    </message>
    <message>
        <source>Learned, d = %1</source>
        <translation>학습형, d = %1</translation>
    </message>
    <message>
        <source>The model has only %1 positions.</source>
        <translation>이 모델의 위치는 %1개뿐입니다.</translation>
    </message>
    <message>
        <source>Sinusoidal encodings need no training and extend to any length; nearby positions get similar vectors (the red band along the diagonal of the similarity). Learned tables are trained with the model and stop at its maximum length. Colour: blue negative, white 0, red positive.</source>
        <translation>사인파 인코딩은 학습이 필요 없고 어떤 길이로도 늘릴 수 있습니다. 가까운 위치일수록 비슷한 벡터를 얻습니다(유사도의 대각선을 따라 나타나는 빨간 띠). 학습형 테이블은 모델과 함께 학습되며 모델의 최대 길이까지만 있습니다. 색: 파랑 음수, 흰색 0, 빨강 양수.</translation>
    </message>
    <message>
        <source>values</source>
        <translation>값</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>position →</source>
        <translation>위치 →</translation>
    </message>
    <message>
        <source>dimension →</source>
        <translation>차원 →</translation>
    </message>
    <message>
        <source>Nothing to export on that side yet.</source>
        <translation>그쪽에는 아직 내보낼 것이 없습니다.</translation>
    </message>
    <message>
        <source>Export positional encoding</source>
        <translation>위치 인코딩 내보내기</translation>
    </message>
    <message>
        <source>Figures (*.png *.svg *.pdf)</source>
        <translation>그림 (*.png *.svg *.pdf)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
</context>
<context>
    <name>as::ui::PresentationMode</name>
    <message>
        <source>Presentation: → or Page Down for the next example, ← or Page Up for the previous one, Esc to leave</source>
        <translation>발표 모드: → 또는 Page Down은 다음 예문, ← 또는 Page Up은 이전 예문, Esc는 나가기</translation>
    </message>
    <message>
        <source>Example %1 of %2</source>
        <translation>예문 %1 / %2</translation>
    </message>
    <message>
        <source>Presentation examples</source>
        <translation>발표 예문</translation>
    </message>
    <message>
        <source>One example per line, in the order they are shown. Write &quot;A || B&quot; for a BERT sentence pair. An empty list brings back the built-in examples.</source>
        <translation>한 줄에 예문 하나씩, 보여 줄 순서대로 적으세요. BERT 문장 쌍은 &quot;A || B&quot;로 적습니다. 목록을 비우면 기본 예문으로 돌아갑니다.</translation>
    </message>
</context>
<context>
    <name>as::ui::SentenceEditor</name>
    <message>
        <source>Type a sentence — the model re-runs as you type</source>
        <translation>문장을 입력하세요 — 입력하는 대로 모델이 다시 실행됩니다</translation>
    </message>
    <message>
        <source>Second sentence:</source>
        <translation>두 번째 문장:</translation>
    </message>
    <message>
        <source>Optional: a second sentence, encoded as a BERT pair [CLS] A [SEP] B [SEP]</source>
        <translation>선택: 두 번째 문장. BERT 문장 쌍 [CLS] A [SEP] B [SEP]로 인코딩됩니다</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>실행 중…</translation>
    </message>
    <message>
        <source>Mask word</source>
        <translation>단어 마스킹</translation>
    </message>
    <message>
        <source>Sentence:</source>
        <translation>문장:</translation>
    </message>
    <message>
        <source>Mask word %1</source>
        <translation>단어 마스킹 %1</translation>
    </message>
    <message>
        <source>Put %1 over the selected word or at the cursor (Ctrl+M); the fill-mask panel predicts what belongs there</source>
        <translation>선택한 단어나 커서 위치에 %1을(를) 넣습니다 (Ctrl+M). 마스크 채우기 패널이 그 자리에 올 단어를 예측합니다</translation>
    </message>
    <message>
        <source>%1 tokens (model max %2) · tokenize %3 ms · forward %4 ms · total %5 ms</source>
        <translation>토큰 %1개 (모델 최대 %2개) · 토큰화 %3 ms · 순전파 %4 ms · 전체 %5 ms</translation>
    </message>
    <message>
        <source>⚠ Input truncated: %1 tokens beyond the model&apos;s %2 were dropped.</source>
        <translation>⚠ 입력이 잘렸습니다: 모델의 최대 %2개를 넘는 토큰 %1개를 버렸습니다.</translation>
    </message>
    <message>
        <source>⚠ The model could not run on this input: %1</source>
        <translation>⚠ 이 입력으로 모델을 실행할 수 없습니다: %1</translation>
    </message>
    <message>
        <source> As in transformers (longest_first), tokens were cut one at a time from the end of the longer sentence: %1 from the first, %2 from the second.</source>
        <translation> transformers(longest_first)와 같은 방식으로, 더 긴 문장의 끝에서 토큰을 하나씩 잘라냈습니다: 첫 번째 문장에서 %1개, 두 번째 문장에서 %2개.</translation>
    </message>
    <message>
        <source>⚠ The sentence box holds at most %1 characters; the rest of the pasted text was left out.</source>
        <translation>⚠ 문장 입력란에는 최대 %1자까지 들어갑니다. 붙여 넣은 텍스트의 나머지는 제외되었습니다.</translation>
    </message>
</context>
<context>
    <name>as::ui::SessionWorker</name>
    <message>
        <source>tokenizer</source>
        <translation>토크나이저</translation>
    </message>
    <message>
        <source>Loading was cancelled.</source>
        <translation>불러오기가 취소되었습니다.</translation>
    </message>
    <message>
        <source>No model is loaded.</source>
        <translation>불러온 모델이 없습니다.</translation>
    </message>
</context>
<context>
    <name>as::ui::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>System default (%1)</source>
        <translation>시스템 기본값 (%1)</translation>
    </message>
    <message>
        <source>A new language takes effect when AttentionScope is started again.</source>
        <translation>새 언어는 AttentionScope를 다시 시작하면 적용됩니다.</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>언어:</translation>
    </message>
</context>
<context>
    <name>as::ui::StepThroughView</name>
    <message>
        <source>Load a model and type a sentence: this panel then computes one head&apos;s attention for one token, step by step.</source>
        <translation>모델을 불러오고 문장을 입력하세요. 그러면 이 패널이 한 토큰에 대한 한 헤드의 어텐션을 단계별로 계산합니다.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV 내보내기…</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>레이어</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>헤드</translation>
    </message>
    <message>
        <source>Query token</source>
        <translation>쿼리 토큰</translation>
    </message>
    <message>
        <source>key token j</source>
        <translation>키 토큰 j</translation>
    </message>
    <message>
        <source>① Q·Kⱼ</source>
        <translation>① Q·Kⱼ</translation>
    </message>
    <message>
        <source>② ÷ √d</source>
        <translation>② ÷ √d</translation>
    </message>
    <message>
        <source>③ mask</source>
        <translation>③ 마스크</translation>
    </message>
    <message>
        <source>④ softmax</source>
        <translation>④ softmax</translation>
    </message>
    <message>
        <source>Q of the query token (this head&apos;s d dimensions)</source>
        <translation>쿼리 토큰의 Q (이 헤드의 d차원)</translation>
    </message>
    <message>
        <source>④ attention weights over the keys</source>
        <translation>④ 키에 대한 어텐션 가중치</translation>
    </message>
    <message>
        <source>⑤ output = Σⱼ weightⱼ · Vⱼ (d dimensions)</source>
        <translation>⑤ 출력 = Σⱼ 가중치ⱼ · Vⱼ (d차원)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Attention(Q, K, V) = softmax(Q·Kᵀ / √d + mask) · V&lt;/b&gt; — layer %1, head %2, query token &lt;b&gt;%3&lt;/b&gt;. d = %4 numbers per head, so ② divides by √%4 = %5. ③ masked keys get −∞ (weight 0)%6.</source>
        <translation>&lt;b&gt;Attention(Q, K, V) = softmax(Q·Kᵀ / √d + mask) · V&lt;/b&gt; — 레이어 %1, 헤드 %2, 쿼리 토큰 &lt;b&gt;%3&lt;/b&gt;. 헤드마다 d = %4개의 수가 있으므로 ②에서 √%4 = %5(으)로 나눕니다. ③ 마스킹된 키는 −∞(가중치 0)이 됩니다%6.</translation>
    </message>
    <message>
        <source>: GPT-2 lets a token see only itself and earlier tokens</source>
        <translation>: GPT-2에서는 토큰이 자기 자신과 앞선 토큰만 볼 수 있습니다</translation>
    </message>
    <message>
        <source>−∞</source>
        <translation>−∞</translation>
    </message>
    <message>
        <source>+0</source>
        <translation>+0</translation>
    </message>
    <message>
        <source>Nothing to export yet.</source>
        <translation>아직 내보낼 것이 없습니다.</translation>
    </message>
    <message>
        <source>Export the step-through as CSV</source>
        <translation>단계별 계산을 CSV로 내보내기</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>내보내기 실패</translation>
    </message>
</context>
<context>
    <name>as::ui::TeachingPanels</name>
    <message>
        <source>Step-through</source>
        <translation>단계별 계산</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>차이</translation>
    </message>
    <message>
        <source>Positional encoding</source>
        <translation>위치 인코딩</translation>
    </message>
    <message>
        <source>&amp;Teach</source>
        <translation>수업(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Step through one head</source>
        <translation>헤드 하나를 단계별로 계산(&amp;S)</translation>
    </message>
    <message>
        <source>Attention &amp;difference</source>
        <translation>어텐션 차이(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Positional encoding</source>
        <translation>위치 인코딩(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;resentation mode</source>
        <translation>발표 모드(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Edit presentation examples…</source>
        <translation>발표 예문 편집(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>as::ui::TokensView</name>
    <message>
        <source>&lt;b&gt;Tokens&lt;/b&gt;</source>
        <translation>&lt;b&gt;토큰&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tokens&lt;/b&gt;: %1 of the model&apos;s maximum %2</source>
        <translation>&lt;b&gt;토큰&lt;/b&gt;: 모델 최대 %2개 중 %1개</translation>
    </message>
    <message>
        <source> &lt;span style=&quot;color:#a04000&quot;&gt;(%1 dropped by truncation)&lt;/span&gt;</source>
        <translation> &lt;span style=&quot;color:#a04000&quot;&gt;(잘라내기로 %1개 버림)&lt;/span&gt;</translation>
    </message>
    <message>
        <source>piece inside a word</source>
        <translation>단어 안의 조각</translation>
    </message>
    <message>
        <source>##continuation</source>
        <translation>##이어지는 조각</translation>
    </message>
    <message>
        <source> · &lt;span style=&quot;color:#7a5cc4; font-weight:bold&quot;&gt;purple outline&lt;/span&gt; = sentence B</source>
        <translation> · &lt;span style=&quot;color:#7a5cc4; font-weight:bold&quot;&gt;보라색 테두리&lt;/span&gt; = 문장 B</translation>
    </message>
    <message>
        <source> · &lt;span style=&quot;color:#c0501a; font-weight:bold&quot;&gt;Ġ&lt;/span&gt; = leading space</source>
        <translation> · &lt;span style=&quot;color:#c0501a; font-weight:bold&quot;&gt;Ġ&lt;/span&gt; = 앞의 공백</translation>
    </message>
    <message>
        <source>&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&quot;background:#e3eefc&quot;&gt;&amp;nbsp;word start&amp;nbsp;&lt;/span&gt; &lt;span style=&quot;background:#fdebd3&quot;&gt;&amp;nbsp;%1&amp;nbsp;&lt;/span&gt; &lt;span style=&quot;background:#ececec&quot;&gt;&amp;nbsp;special&amp;nbsp;&lt;/span&gt;%2%3 · hover a token for its id, double-click to see how it was split</source>
        <translation>&amp;nbsp;&amp;nbsp;&amp;nbsp;&lt;span style=&quot;background:#e3eefc&quot;&gt;&amp;nbsp;단어 시작&amp;nbsp;&lt;/span&gt; &lt;span style=&quot;background:#fdebd3&quot;&gt;&amp;nbsp;%1&amp;nbsp;&lt;/span&gt; &lt;span style=&quot;background:#ececec&quot;&gt;&amp;nbsp;특수&amp;nbsp;&lt;/span&gt;%2%3 · 토큰을 가리키면 id가, 더블클릭하면 나뉜 과정이 보입니다</translation>
    </message>
    <message>
        <source>Explain how the word of “%1” was split…</source>
        <translation>“%1”의 단어가 어떻게 나뉘었는지 설명…</translation>
    </message>
</context>
<context>
    <name>as::ui::WelcomePage</name>
    <message>
        <source>&lt;h1&gt;AttentionScope&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;AttentionScope&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>See where BERT and GPT-2 look: every layer and head of attention, token by token.&lt;br&gt;&lt;br&gt;Open a HuggingFace checkpoint folder: &lt;code&gt;config.json&lt;/code&gt;, the weights (&lt;code&gt;model.safetensors&lt;/code&gt; or &lt;code&gt;pytorch_model.bin&lt;/code&gt;) and the tokenizer files (&lt;code&gt;vocab.txt&lt;/code&gt;, or &lt;code&gt;vocab.json&lt;/code&gt; + &lt;code&gt;merges.txt&lt;/code&gt;).</source>
        <translation>BERT와 GPT-2가 어디를 보는지 확인하세요: 모든 레이어와 헤드의 어텐션을 토큰 하나하나.&lt;br&gt;&lt;br&gt;HuggingFace 체크포인트 폴더를 여세요: &lt;code&gt;config.json&lt;/code&gt;, 가중치(&lt;code&gt;model.safetensors&lt;/code&gt; 또는 &lt;code&gt;pytorch_model.bin&lt;/code&gt;), 토크나이저 파일(&lt;code&gt;vocab.txt&lt;/code&gt;, 또는 &lt;code&gt;vocab.json&lt;/code&gt; + &lt;code&gt;merges.txt&lt;/code&gt;).</translation>
    </message>
    <message>
        <source>Open model folder…</source>
        <translation>모델 폴더 열기…</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#606060&quot;&gt;…or drop a checkpoint folder onto this window.&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#606060&quot;&gt;…또는 체크포인트 폴더를 이 창에 끌어다 놓으세요.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Recent models&lt;/b&gt;</source>
        <translation>&lt;b&gt;최근 모델&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#606060&quot;&gt;Tip: a checkpoint copied to &lt;code&gt;%1&lt;/code&gt; opens by itself at start.&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#606060&quot;&gt;팁: 체크포인트를 &lt;code&gt;%1&lt;/code&gt;에 복사해 두면 시작할 때 자동으로 열립니다.&lt;/span&gt;</translation>
    </message>
    <message>
        <source>Get models from Hugging Face…</source>
        <translation>Hugging Face에서 모델 받기…</translation>
    </message>
    <message>
        <source>&lt;b&gt;In the Hugging Face cache&lt;/b&gt;</source>
        <translation>&lt;b&gt;Hugging Face 캐시에 있는 모델&lt;/b&gt;</translation>
    </message>
    <message>
        <source>&lt;span style=&quot;color:#606060&quot;&gt;%1 more in File › Open from Hugging Face cache&lt;/span&gt;</source>
        <translation>&lt;span style=&quot;color:#606060&quot;&gt;파일 › Hugging Face 캐시에서 열기에 %1개 더 있음&lt;/span&gt;</translation>
    </message>
</context>
</TS>
