# Las palabras propias de carelevel en español (neutro, de usted). Cada
# mensaje tiene el mismo id y las mismas $variables que en inglés (lo
# comprueba una prueba). Los textos de las reglas vienen del archivo de reglas.

## Reports

crisis-heading = !! CRISIS: PIDA AYUDA AHORA !!
record = Registro: { $id }
answered-by-other = Respondido por otra persona, acerca de la persona evaluada. Las respuestas son lo que esa otra persona sabe o ve.
recommended-level = Nivel de atención recomendado: { $level }
partial-result = Basado solo en las respuestas dadas: el cuestionario terminó antes de responder todas las preguntas.
next-step = Próximo paso: { $step }
main-reason = Motivo principal: { $reason }
clinicians-decision = Decisión clínica: { $chosen }, en lugar del nivel recomendado, { $recommended }. Motivo: { $reason } La recomendación y sus motivos, abajo, no cambian.
why-heading = Por qué este nivel
why-lead =
    { $count ->
        [one] Esto es lo que lleva a este nivel:
       *[other] Esto es lo que lleva a este nivel:
    }
also-counted = También se tuvo en cuenta:
on-its-own = Por sí solo, esto lleva a: { $level }.
your-answers =
    { $count ->
        [one] Su respuesta:
       *[other] Sus respuestas:
    }
answers-show-heading = Lo que muestran sus respuestas
in-practice-heading = Qué significa en la práctica
notes-heading = Para tener en cuenta
comparison-heading = Los niveles de atención, lado a lado
recommended-mark = (recomendado)
rules-line = Reglas: { $id } { $version } (sha256 { $sha }); { $made-by }

## Markdown only

md-crisis-heading = Crisis: pida ayuda ahora.
md-next-step = Próximo paso
md-decision = Decisión clínica
md-decision-text = { $chosen }, en lugar del nivel recomendado, { $recommended }.
md-reason = Motivo
md-unchanged = La recomendación y sus motivos, abajo, no cambian.
md-area = Área
md-concern = Preocupación
md-answers-behind = Respuestas que la explican

## Ratings, in words

rating =
    { $rating ->
        [0] sin preocupación
        [1] leve
        [2] moderada
        [3] seria
       *[4] grave
    }
rating-so-far = { $rating } por ahora
not-asked = no preguntado

## Why a level: sentences around the rule file's reasons

declined-self = Usted prefirió no responder { $titles }.
declined-other = Usted no sabía, o prefirió no decir, la respuesta a { $titles }.
declined-floor = { $declined } Como no se pudo revisar la seguridad, esta evaluación no sugiere un nivel menor que este.
ratings-agree-complete = Sus respuestas, en conjunto, también llevan a este nivel.
ratings-agree-partial = Las respuestas dadas también llevan a este nivel.
without-deciding-complete =
    { $count ->
        [one] Sin esto, sus respuestas, en conjunto, llevarían a: { $level }.
       *[other] Sin estos motivos, sus respuestas, en conjunto, llevarían a: { $level }.
    }
without-deciding-partial =
    { $count ->
        [one] Sin esto, las respuestas dadas llevarían a: { $level }.
       *[other] Sin estos motivos, las respuestas dadas llevarían a: { $level }.
    }
ratings-sum = Sus calificaciones suman { $score }, y ese total lleva a este nivel de atención.
ratings-none = Ninguna de sus respuestas muestra una preocupación que necesite más que este nivel de atención.
ratings-lowest = Sus respuestas muestran, como mucho, preocupación { $rating } ({ $areas }), y nada que requiera más que este nivel de atención.
ratings-top =
    { $count ->
        [one] La preocupación más seria en sus respuestas es { $areas }, con calificación { $rating }, lo que lleva a este nivel de atención.
       *[other] Las preocupaciones más serias en sus respuestas son { $areas }, con calificación { $rating }, lo que lleva a este nivel de atención.
    }
a-question = una pregunta
list-and = { $init } y { $last }

## Template comments

template-for = Archivo de respuestas para: { $title }
template-rules = Reglas: { $id } { $version }
template-fill-in = Cómo llenarlo: después del id de cada pregunta, escriba uno de los códigos de respuesta que aparecen arriba de ella.
template-result = Luego vea el resultado: carelevel screen --answers ESTE_ARCHIVO
template-guided = O responda las preguntas una por una en una terminal, guardando a medida que avanza: carelevel screen --save ESTE_ARCHIVO
template-follow-up = Deje en blanco una pregunta de seguimiento cuando su condición no se cumple: no se pregunta.
template-other = Respondido por otra persona, acerca de la persona evaluada:
template-codes = Responda con una lista de cualquiera de estos códigos, por ejemplo [a, b]:
template-code = Responda con uno de estos códigos:
template-number = Responda con un número entero de { $min } a { $max }{ $unit }.
template-asked-when = Se pregunta solo cuando { $condition }.
template-optional = Opcional.
cond-and = y
cond-or = o
cond-not = no { $condition }
cond-is = { $id } es { $value }
cond-in = { $id } es uno de { $value }
cond-at-least = { $id } es como mínimo { $value }
cond-at-most = { $id } es como máximo { $value }
