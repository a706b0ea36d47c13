# Automatically generated - do not edit.
# Source: forms/end_dialog.ui (sha256 f4845c2d08a1fcba32b7f3eb6cf2c22d95fc552266854fe52d2d62cd27198cb0)
# Generator: pyside6-uic 6.11.3
# Edit the form in Qt Designer, then run: python scripts/compile_forms.py

# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'end_dialog.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QSizePolicy, QSpacerItem, QVBoxLayout,
    QWidget)

class Ui_EndDialog(object):
    def setupUi(self, EndDialog):
        if not EndDialog.objectName():
            EndDialog.setObjectName(u"EndDialog")
        EndDialog.resize(440, 200)
        EndDialog.setMinimumSize(QSize(420, 0))
        self.mainLayout = QVBoxLayout(EndDialog)
        self.mainLayout.setObjectName(u"mainLayout")
        self.explanationLabel = QLabel(EndDialog)
        self.explanationLabel.setObjectName(u"explanationLabel")
        self.explanationLabel.setWordWrap(True)

        self.mainLayout.addWidget(self.explanationLabel)

        self.endForm = QFormLayout()
        self.endForm.setObjectName(u"endForm")
        self.endForm.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.endDateLabel = QLabel(EndDialog)
        self.endDateLabel.setObjectName(u"endDateLabel")

        self.endForm.setWidget(0, QFormLayout.ItemRole.LabelRole, self.endDateLabel)

        self.endDateRow = QHBoxLayout()
        self.endDateRow.setObjectName(u"endDateRow")
        self.endDateEdit = QDateEdit(EndDialog)
        self.endDateEdit.setObjectName(u"endDateEdit")
        self.endDateEdit.setCalendarPopup(True)

        self.endDateRow.addWidget(self.endDateEdit)

        self.endDateSpacer = QSpacerItem(40, 20, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.endDateRow.addItem(self.endDateSpacer)


        self.endForm.setLayout(0, QFormLayout.ItemRole.FieldRole, self.endDateRow)

        self.reasonLabel = QLabel(EndDialog)
        self.reasonLabel.setObjectName(u"reasonLabel")

        self.endForm.setWidget(1, QFormLayout.ItemRole.LabelRole, self.reasonLabel)

        self.reasonEdit = QLineEdit(EndDialog)
        self.reasonEdit.setObjectName(u"reasonEdit")

        self.endForm.setWidget(1, QFormLayout.ItemRole.FieldRole, self.reasonEdit)


        self.mainLayout.addLayout(self.endForm)

        self.errorLabel = QLabel(EndDialog)
        self.errorLabel.setObjectName(u"errorLabel")
        self.errorLabel.setWordWrap(True)
        self.errorLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.mainLayout.addWidget(self.errorLabel)

        self.buttonBox = QDialogButtonBox(EndDialog)
        self.buttonBox.setObjectName(u"buttonBox")
        self.buttonBox.setOrientation(Qt.Orientation.Horizontal)
        self.buttonBox.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.mainLayout.addWidget(self.buttonBox)

#if QT_CONFIG(shortcut)
        self.endDateLabel.setBuddy(self.endDateEdit)
        self.reasonLabel.setBuddy(self.reasonEdit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.endDateEdit, self.reasonEdit)
        QWidget.setTabOrder(self.reasonEdit, self.buttonBox)

        self.retranslateUi(EndDialog)
        self.buttonBox.accepted.connect(EndDialog.accept)
        self.buttonBox.rejected.connect(EndDialog.reject)

        QMetaObject.connectSlotsByName(EndDialog)
    # setupUi

    def retranslateUi(self, EndDialog):
        EndDialog.setWindowTitle(QCoreApplication.translate("EndDialog", u"End", None))
        self.explanationLabel.setText(QCoreApplication.translate("EndDialog", u"This stays in the history and in past registers and minutes; nothing is deleted.", None))
        self.endDateLabel.setText(QCoreApplication.translate("EndDialog", u"&Last day:", None))
        self.endDateEdit.setDisplayFormat(QCoreApplication.translate("EndDialog", u"dd/MM/yyyy", None))
#if QT_CONFIG(tooltip)
        self.endDateEdit.setToolTip(QCoreApplication.translate("EndDialog", u"The last day of membership: someone ended on the day of a meeting was still a member at it.", None))
#endif // QT_CONFIG(tooltip)
        self.reasonLabel.setText(QCoreApplication.translate("EndDialog", u"&Reason:", None))
        self.reasonEdit.setPlaceholderText(QCoreApplication.translate("EndDialog", u"e.g. moved post", None))
#if QT_CONFIG(tooltip)
        self.reasonEdit.setToolTip(QCoreApplication.translate("EndDialog", u"Why this ended, in a few words. It is kept in the change history.", None))
#endif // QT_CONFIG(tooltip)
        self.errorLabel.setText("")
    # retranslateUi

